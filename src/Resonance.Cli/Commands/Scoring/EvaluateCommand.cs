using System.CommandLine;
using System.Globalization;
using Resonance.Application.Scoring;
using Spectre.Console;

namespace Resonance.Cli.Commands.Scoring;

/// <summary><c>resonance evaluate</c>: does the score predict future influence better than naive signals?</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliConsole console)
    {
        var split = new Option<double[]>("--split") { Description = "Share of the time span to score on; repeat or comma-separate for several.", HelpName = "F", AllowMultipleArgumentsPerToken = true, CustomParser = ParseSplits, DefaultValueFactory = _ => [0.6] };
        var algorithm = new Option<string>("--algorithm") { Description = "Algorithm version, NAME@VERSION.", DefaultValueFactory = _ => ScoringAlgorithms.Default.ToString(), HelpName = "A@V" };
        var network = new Option<string?>("--network") { Description = "Evaluate one network only (default: all).", HelpName = "NAME" };
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var command = new Command("evaluate", """
            Score on the first part of the time window, then rank everyone against the distinct engagers they receive in
            the rest. Reports Spearman ρ and precision at the top 1% for the score and for naive baselines
            (activity, engagements received, distinct engagers, plain engagement PageRank, followers).

            Examples:
              resonance evaluate --split 0.6
              resonance evaluate --split 0.5,0.6,0.7 --json
            """)
        { split, algorithm, network, json };
        command.SetAction((parse, ct) => ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
        {
            var id = AlgorithmId.Parse(parse.GetValue(algorithm)!);
            var defences = ScoringAlgorithms.Defaults(id, 0).IntegrityDefences;
            var input = await store.LoadWindowAsync(parse.GetValue(network), long.MinValue + 1, long.MaxValue, defences, ct).ConfigureAwait(false);
            var report = await Task.Run(() => Evaluation.Run(input, id, parse.GetValue(network), parse.GetValue(split)!, ct: ct), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.WriteJson(new { algorithm = id.ToString(), report.Network, report.Splits });
                return ExitCodes.Ok;
            }

            foreach (var s in report.Splits)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"split {s.Split:0.##}: score before {ScoreFormat.Time(s.CutMs)}, predict distinct engagers after; {s.AccountsSeen:N0} accounts, {s.TrainInteractions:N0} / {s.TestInteractions:N0} interactions{Fitted(s)}"));
                var table = new Table().Border(TableBorder.Simple).AddColumns("predictor", "Spearman ρ", "precision@top 1%");
                foreach (var p in s.Predictors)
                {
                    table.AddRow(Markup.Escape(p.Name == Evaluation.ScoreName ? $"{p.Name} ({id})" : p.Name),
                        p.Spearman.ToString("0.000", CultureInfo.InvariantCulture), p.PrecisionAtTopPercent.ToString("0.000", CultureInfo.InvariantCulture));
                }

                console.Out.Write(table);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The half-life fitted on the training part, when the version fits one (resonance@4, @5), and the
    /// half-lives scored at (resonance@5).</summary>
    private static string Fitted(EvaluationSplit s) => s.ScoreParameters is { FittedHalfLifeDays: { } days, TempoAccounts: { } accounts } p
        ? string.Create(CultureInfo.InvariantCulture, $"; fitted half-life {ScoreFormat.Duration(days)} from {accounts:N0} accounts{ScoreFormat.Rungs(p)}")
        : "";

    private static double[] ParseSplits(System.CommandLine.Parsing.ArgumentResult result)
    {
        var values = new List<double>();
        foreach (var token in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v is not (> 0 and < 1))
            {
                result.AddError($"--split '{token}' must be a number strictly between 0 and 1.");
                return [];
            }

            values.Add(v);
        }

        return [.. values];
    }
}
