using System.CommandLine;
using System.Globalization;
using Resonance.Application.Scoring;
using Spectre.Console;

namespace Resonance.Cli.Commands.Scoring;

/// <summary><c>resonance compare-runs A B</c>: judge a new version (or new data) side by side before adopting it.</summary>
internal static class CompareRunsCommand
{
    public static Command Create(CliConsole console)
    {
        var a = new Argument<long>("run-a") { Description = "The first run." };
        var b = new Argument<long>("run-b") { Description = "The second run." };
        var count = new Option<int>("--n") { Description = "How many top movers to list.", DefaultValueFactory = _ => 10, HelpName = "N" };
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var command = new Command("compare-runs", """
            Compare two runs: rank correlation, the distribution of score shifts, and the top movers with reasons.
            A mover's population shift reads its raw score in A through each run's calibration for it; for a resonance@7
            run B (leave-one-out calibration) the movers' calibrations are computed from B's window, as diff does.
            Two versions on the same window of the same data: the population shift is 0 and the whole change is the
            version's (version_change), the change of calibration method included.

            Example:
              resonance score --algorithm resonance@2
              resonance compare-runs 1 2
            """)
        { a, b, count, json };
        command.SetAction((parse, ct) => ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
        {
            var c = await new CompareRunsService(store).CompareAsync(parse.GetValue(a), parse.GetValue(b), parse.GetValue(count), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.WriteJson(new
                {
                    a = c.A.Id, b = c.B.Id, algorithm_a = c.A.Algorithm.ToString(), algorithm_b = c.B.Algorithm.ToString(),
                    calibration_a = c.A.CalibrationMode, calibration_b = c.B.CalibrationMode, c.InBoth, c.OnlyInA, c.OnlyInB,
                    spearman = Finite(c.Spearman), top_one_percent_overlap = Finite(c.TopOnePercentOverlap), shift = c.Shift,
                    movers = c.Movers.Select(m => new { account = ScoreFormat.Name(c.Names, m.AccountId), m.Before, m.After, m.Change, m.PopulationShift, m.VersionChange, m.Reason }),
                    c.PopulationUnavailable,
                });
                return ExitCodes.Ok;
            }

            var o = console.Out;
            o.WriteLine("A: " + ScoreFormat.RunLine(c.A));
            o.WriteLine("B: " + ScoreFormat.RunLine(c.B));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.InBoth:N0} accounts in both, {c.OnlyInA:N0} only in A, {c.OnlyInB:N0} only in B; Spearman ρ {c.Spearman:0.0000}; top-1% overlap {c.TopOnePercentOverlap:0.00}"));
            var s = c.Shift;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"score shift B − A: mean {s.Mean:+0.00;-0.00;0.00}, min {s.Min:0.0}, p5 {s.P05:0.0}, p25 {s.P25:0.0}, median {s.Median:0.0}, p75 {s.P75:0.0}, p95 {s.P95:0.0}, max {s.Max:0.0}; {s.Up:N0} up, {s.Down:N0} down, {s.Same:N0} same"));
            var table = new Table().Border(TableBorder.Simple).AddColumns("account", "A", "B", "change", "why");
            foreach (var m in c.Movers)
            {
                table.AddRow(Markup.Escape(ScoreFormat.Name(c.Names, m.AccountId)), m.Before.ToString("0.0", CultureInfo.InvariantCulture),
                    m.After.ToString("0.0", CultureInfo.InvariantCulture), ScoreFormat.Points(m.Change), Markup.Escape(m.Reason));
            }

            o.Write(table);
            if (c.PopulationUnavailable is { } why)
            {
                o.WriteLine($"Note: no population shift is shown: {why}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
