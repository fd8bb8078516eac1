using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Resonance.Cli.Commands.Scoring;

/// <summary><c>resonance history ACCOUNT</c>: the account's score in every run.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliConsole console)
    {
        var account = new Argument<string>("account") { Description = "NETWORK:ID-OR-HANDLE." };
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var command = new Command("history", "Show an account's score in every run, oldest first (runs are never rewritten).") { account, json };
        command.SetAction((parse, ct) => ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
        {
            var who = await ScoringCommandRunner.AccountAsync(store, parse.GetValue(account)!, ct).ConfigureAwait(false);
            var runs = await store.ListRunsAsync(ct).ConfigureAwait(false);
            var rows = new List<(Application.Scoring.ScoreRunInfo Run, Application.Scoring.AccountScore? Score)>();
            foreach (var r in runs)
            {
                rows.Add((r, await store.GetScoreAsync(r.Id, who.Id, ct).ConfigureAwait(false)));
            }

            if (parse.GetValue(json))
            {
                console.WriteJson(new { account = who.Label, history = rows.Select(x => new { run = x.Run.Id, algorithm = x.Run.Algorithm.ToString(), as_of_ms = x.Run.Parameters.AsOfMs, score = x.Score }) });
                return ExitCodes.Ok;
            }

            console.Out.WriteLine($"{who.Label}: {rows.Count(x => x.Score is not null)} of {rows.Count} run(s) scored this account.");
            var table = new Table().Border(TableBorder.Simple).AddColumns("run", "algorithm", "as of", "score (90% interval)", "rank", "reach");
            foreach (var (run, score) in rows)
            {
                table.AddRow(run.Id.ToString(CultureInfo.InvariantCulture), run.Algorithm.ToString(), ScoreFormat.Time(run.Parameters.AsOfMs),
                    score is null ? "not scored (no engagement in window)" : ScoreFormat.WithInterval(score),
                    score is null ? "-" : $"{score.Rank:N0} of {run.AccountsScored:N0}", score?.Reach.ToString("0.#", CultureInfo.InvariantCulture) ?? "-");
            }

            console.Out.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
