using System.CommandLine;
using System.Diagnostics;
using Resonance.Application.Integrity;
using Resonance.Application.Integrity.Signals;
using Resonance.Application.Scoring;
using Resonance.Application.Synthetic;
using Resonance.Cli.Commands;
using Resonance.Domain;
using Resonance.Ingest;
using Spectre.Console;

namespace Resonance.Cli.Bench;

/// <summary><c>resonance bench integrity</c>: times what resonance@2 adds to a scoring run: the activity log, the six
/// behavioural signals and endorsement trust (issue #4's speed bar), on a file or a generated community.</summary>
internal static class IntegrityBenchCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Option<string?>("--input", "-i") { Description = "A file of records to read (as `resonance import` reads it).", HelpName = "FILE" };
        var format = new Option<string>("--format") { Description = $"The file's format ({RecordReaders.Names}).", DefaultValueFactory = _ => "higgs-activity", HelpName = "FORMAT" };
        var people = new Option<int?>("--people") { Description = "Generate a community of this many people instead of reading a file (`resonance generate`).", HelpName = "N" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generated community.", DefaultValueFactory = _ => new SyntheticOptions().Seed, HelpName = "S" };
        var trials = new Option<int>("--trials") { Description = "Timed trials; the median of each phase is reported (the slower middle one for an even count).", DefaultValueFactory = _ => 3, HelpName = "T" };
        var graph = new Option<bool>("--graph") { Description = "Also time the whole resonance@2 engagement graph build (window, follow-backs, model, discounts), as `resonance score` pays it." };
        var noTexts = new Option<bool>("--no-texts") { Description = "Leave the posts' texts out, as runs did before resonance@2 loaded them (near-duplicate text then reads 0), to measure what the texts cost." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on standard output (the progress lines go to standard error)." };
        var command = new Command("integrity", """
            Time the integrity model of resonance@2 (docs/integrity.md) as a scoring run pays it: the activity log built from
            the scoring input and the posts' texts (window = everything, follow-backs dropped), each behavioural signal and
            endorsement trust (SybilRank forward), once per trial. Loading the data is not timed.

            Examples:
              resonance bench integrity --input ../shared/data/higgs-twitter/higgs-activity_time.txt --graph
              resonance bench integrity --people 100000 --trials 1
            """)
        { input, format, people, seed, trials, graph, noTexts, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, null, () =>
        {
            if (parse.GetValue(input) is null && parse.GetValue(people) is null)
            {
                console.Fail("give --input FILE or --people N.");
                return Task.FromResult(ExitCodes.Usage);
            }

            var asJson = parse.GetValue(json);
            Action<string> say = asJson ? console.Error.WriteLine : console.Out.WriteLine;
            var clock = Stopwatch.StartNew();
            var (records, description) = Records(parse.GetValue(input), parse.GetValue(format)!, parse.GetValue(people), parse.GetValue(seed));
            var (data, _) = RecordInput.Build(records, withTexts: !parse.GetValue(noTexts));
            var texts = data.Texts?.Texts.Count(t => t is not null) ?? 0;
            say($"{description}: {data.InteractionCount:N0} interactions, {data.PostAuthorIds.Length:N0} posts ({texts:N0} original texts); loaded in {clock.Elapsed.TotalSeconds:F1} s");
            var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 2), data.LatestTimeMs ?? 0) with { WindowDays = 36_500 };
            var phases = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
            InauthenticityModel? model = null;
            for (var t = 0; t < Math.Max(1, parse.GetValue(trials)); t++)
            {
                ct.ThrowIfCancellationRequested();
                var total = Stopwatch.StartNew();
                var kept = Time("window and follow-backs", () => IntegrityWeights.WithoutFollowBacks(data, EngagementGraph.Kept(data, p)));
                var log = Time("log", () => IntegrityWeights.Log(data, kept, [], p));
                var signals = BehaviourSignals.All.Select(s => Time($"signal {s.Name}", () => s.Compute(log))).ToArray();
                var trust = Time("trust", () => EndorsementTrust.Compute(log));
                var cohort = Time("newcomer cohorts", () => NewcomerCohortSignal.Compute(log));
                model = Time("combination", () => InauthenticityModel.Combine(log, signals, trust, cohort));
                Add("total", total.Elapsed.TotalSeconds);
                if (parse.GetValue(graph))
                {
                    Time("resonance@2 graph (whole)", () => EngagementGraph.Build(data, p));
                }

                say($"Trial {t + 1}: {total.Elapsed.TotalSeconds:F3} s ({log.AccountCount:N0} accounts, {log.InteractionCount:N0} interactions in the log)");
            }

            var medians = phases.ToDictionary(kv => kv.Key, kv => kv.Value.Order().ElementAt(kv.Value.Count / 2));
            foreach (var (phase, seconds) in medians)
            {
                say($"  {phase,-26} {seconds,8:F3} s (median)");
            }

            if (asJson)
            {
                console.WriteJson(new
                {
                    data = description, interactions = data.InteractionCount, posts = data.PostAuthorIds.Length, texts, accounts = model!.Log.AccountCount,
                    flagged = Enumerable.Range(0, model.Log.AccountCount).Count(model.IsFlagged), median_seconds = medians, trial_seconds = phases,
                });
            }

            return Task.FromResult(ExitCodes.Ok);

            T Time<T>(string phase, Func<T> work)
            {
                var watch = Stopwatch.StartNew();
                var result = work();
                Add(phase, watch.Elapsed.TotalSeconds);
                return result;
            }

            void Add(string phase, double seconds)
            {
                if (!phases.TryGetValue(phase, out var list))
                {
                    phases[phase] = list = [];
                }

                list.Add(seconds);
            }
        }));
        return command;
    }

    private static (IEnumerable<SourceRecord> Records, string Description) Records(string? path, string format, int? people, ulong seed)
    {
        if (people is { } n)
        {
            var options = new SyntheticOptions { People = n, Seed = seed };
            return (SyntheticNetworkGenerator.Generate(options).Records, $"generated community of {n:N0} people (seed {seed})");
        }

        if (path is null)
        {
            throw new ArgumentException("give --input FILE or --people N.");
        }

        return (ReadAll(path, format), Path.GetFileName(path));
    }

    private static IEnumerable<SourceRecord> ReadAll(string path, string format)
    {
        using var file = InputFiles.OpenText(path);
        foreach (var r in RecordReaders.Get(format).Read(file.Reader, path, new ReaderOptions()))
        {
            yield return r.Error is { } error ? throw new FormatException(error.ToString()) : r;
        }
    }
}
