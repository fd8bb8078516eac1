using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Resonance.Cli.Commands.Scoring;

/// <summary><c>resonance runs</c>: every saved run, oldest first.</summary>
internal static class RunsCommand
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the runs as JSON." };
        var command = new Command("runs", "List the saved scoring runs: version, window, data watermark, code revision and timings.") { json };
        command.SetAction((parse, ct) => ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
        {
            var runs = await store.ListRunsAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.WriteJson(runs.Select(r => new
                {
                    r.Id, algorithm = r.Algorithm.ToString(), r.Parameters, r.WatermarkLatestMs, r.WatermarkInteractions, r.CodeRevision,
                    r.StartedAt, r.FinishedAt, r.Timings, r.AccountsScored, r.Pairs, r.PageRankIterations, r.CalibrationMode, r.TempoWarning,
                }));
                return ExitCodes.Ok;
            }

            if (runs.Count == 0)
            {
                console.Out.WriteLine("No runs yet. Run `resonance score`.");
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("run", "algorithm", "network", "as of", "window", "interactions", "scored", "code", "took", "started");
            foreach (var r in runs)
            {
                table.AddRow(r.Id.ToString(CultureInfo.InvariantCulture), r.Algorithm.ToString(), Markup.Escape(r.Parameters.Network ?? "all"),
                    ScoreFormat.Time(r.Parameters.AsOfMs), string.Create(CultureInfo.InvariantCulture, $"{r.Parameters.WindowDays:0.#} d"),
                    $"{r.WatermarkInteractions:N0}", $"{r.AccountsScored:N0}", Markup.Escape(r.CodeRevision.Length > 10 ? r.CodeRevision[..10] : r.CodeRevision),
                    string.Create(CultureInfo.InvariantCulture, $"{r.Timings.Sum(t => t.Value):0.0} s"),
                    r.StartedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

            console.Out.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
