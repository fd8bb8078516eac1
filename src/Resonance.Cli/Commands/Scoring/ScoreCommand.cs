using System.CommandLine;
using System.Globalization;
using Resonance.Application.Scoring;
using Spectre.Console;

namespace Resonance.Cli.Commands.Scoring;

/// <summary><c>resonance score</c>: computes a new immutable run from the data in the store.</summary>
internal static class ScoreCommand
{
    public static Command Create(CliConsole console)
    {
        var asOf = new Option<string?>("--as-of") { Description = "End of the window, an ISO 8601 date or time in UTC (default: the latest interaction).", HelpName = "TIME" };
        var window = new Option<double?>("--window") { Description = "Window length in days (default: the algorithm's, 90).", HelpName = "DAYS" };
        var algorithm = new Option<string>("--algorithm") { Description = "Algorithm version, NAME@VERSION.", DefaultValueFactory = _ => ScoringAlgorithms.Default.ToString(), HelpName = "A@V" };
        var network = new Option<string?>("--network") { Description = "Score one network only (default: all).", HelpName = "NAME" };
        var seed = new Option<ulong?>("--seed") { Description = "Bootstrap seed (default: the algorithm's, 1).", HelpName = "N" };
        var threads = new Option<int?>("--threads") { Description = "Threads to use (default: all cores); never changes the result.", HelpName = "N" };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1) { r.AddError("--threads must be at least 1."); }
        });
        var json = new Option<bool>("--json") { Description = "Print the run as JSON." };
        var noCommunities = new Option<bool>("--no-communities") { Description = "Skip the community step (Leiden on the engagement graph, docs/communities.md); scores are the same either way." };
        var communities = new Option<string?>("--communities") { Description = "Community method: leiden (leiden@1, the default: modularity) or infomap (infomap@1: the map equation); docs/communities.md.", HelpName = "leiden|infomap" };
        var noTopics = new Option<bool>("--no-topics") { Description = "Skip the topic step (every topic's scores and every account's topics, stored with the run, docs/topics.md); scores are the same either way." };
        var taxonomy = Topics.TopicOptions.Taxonomy();
        var versions = string.Join("\n", ScoringAlgorithms.All.Select(a => $"  {a.Id}{(a.Id == ScoringAlgorithms.Default ? " (default)" : "")}: {a.Summary}"));
        var command = new Command("score", $"""
            Score every account that received engagement in the window and save the result as a new run.
            Runs are immutable: re-running never changes an earlier run. See docs/scoring.md.

            Versions:
            {versions}

            Examples:
              resonance score
              resonance score --as-of 2012-07-04 --window 30
              resonance score --algorithm resonance@2 --json
              resonance score --communities infomap
            """)
        { asOf, window, algorithm, network, seed, threads, json, noCommunities, communities, noTopics, taxonomy };
        command.SetAction((parse, ct) => ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
        {
            if (parse.GetValue(noCommunities) && parse.GetValue(communities) is { } method)
            {
                throw new ArgumentException($"--communities {method} and --no-communities cannot be combined; drop one.");
            }

            var request = new ScoreRequest(AlgorithmId.Parse(parse.GetValue(algorithm)!), ParseTime(parse.GetValue(asOf)), parse.GetValue(window),
                parse.GetValue(network), parse.GetValue(seed), parse.GetValue(threads), !parse.GetValue(noCommunities), parse.GetValue(communities),
                !parse.GetValue(noTopics), Topics.TopicOptions.Files(parse.GetValue(taxonomy)));
            var service = new ScoringService(store);
            var run = await WithProgressAsync(console, p => service.RunAsync(request, p, ct)).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.WriteJson(run);
                return ExitCodes.Ok;
            }

            console.Out.WriteLine(ScoreFormat.RunLine(run));
            if (run.TempoWarning is { } warning)
            {
                console.Out.WriteLine($"  warning: {warning}");
            }
            var standing = run.Parameters.ImpactStanding is { } s ? $"{s} standing (no PageRank)" : string.Create(CultureInfo.InvariantCulture, $"PageRank {run.PageRankIterations} iterations");
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {run.WatermarkInteractions:N0} interactions (latest {ScoreFormat.Time(run.WatermarkLatestMs)}), {run.Pairs:N0} engager pairs, {standing}, {run.CalibrationMode} calibration"));
            // The steps that run beside the save are timed by how long the save waited for them, which the line says.
            var beside = run.Timings.Where(t => ScoringService.ConcurrentPhases.Contains(t.Key)).Select(t => t.Key).ToList();
            console.Out.WriteLine("  " + string.Join(", ", run.Timings.Select(t => string.Create(CultureInfo.InvariantCulture,
                $"{t.Key}{(beside.Contains(t.Key) ? " waited" : "")} {t.Value:0.00} s"))) +
                string.Create(CultureInfo.InvariantCulture, $" (total {run.Timings.Sum(t => t.Value):0.00} s") +
                (beside.Count == 0 ? ")" : $"; {string.Join(" and ", beside)} ran beside the save)"));
            console.Out.WriteLine($"See `resonance top --run {run.Id}`, `resonance explain NETWORK:ACCOUNT --run {run.Id}`" +
                (run.Parameters.Topics is null ? "" : $", `resonance top --topic TOPIC --run {run.Id}`") +
                (run.Parameters.Communities is null ? "." : $" and `resonance communities --run {run.Id}`."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Parses an ISO 8601 date or time (UTC unless an offset is given) to Unix ms.</summary>
    internal static long? ParseTime(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.ToUnixTimeMilliseconds()
            : throw new FormatException($"--as-of '{text}' is not an ISO 8601 date or time (for example 2012-07-04 or 2012-07-04T12:00Z).");
    }

    private static async Task<ScoreRunInfo> WithProgressAsync(CliConsole console, Func<IProgress<(string Phase, double Done)>, Task<ScoreRunInfo>> run)
    {
        if (!console.Interactive)
        {
            // Each phase once, when it starts: the topic and community steps report beside the save.
            var started = new HashSet<string>(StringComparer.Ordinal);
            return await run(new SyncProgress(p =>
            {
                if (started.Add(p.Phase))
                {
                    console.Error.WriteLine($"score: {p.Phase}…");
                }
            })).ConfigureAwait(false);
        }

        ScoreRunInfo? result = null;
        await console.Out.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var tasks = ScoringService.Phases.ToDictionary(p => p, p => ctx.AddTask(p, maxValue: 1.0));
                var index = ScoringService.Phases.ToList();
                result = await run(new SyncProgress(p =>
                {
                    foreach (var (name, task) in tasks)
                    {
                        if (index.IndexOf(name) < index.IndexOf(p.Phase) && !ScoringService.ConcurrentPhases.Contains(name))
                        {
                            task.Value = 1;
                        }
                    }

                    tasks[p.Phase].Value = p.Done;
                })).ConfigureAwait(false);
                foreach (var task in tasks.Values)
                {
                    task.Value = 1;
                }
            }).ConfigureAwait(false);
        return result!;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and could arrive late).</summary>
    private sealed class SyncProgress(Action<(string Phase, double Done)> report) : IProgress<(string Phase, double Done)>
    {
        private readonly Lock _gate = new();

        public void Report((string Phase, double Done) value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
