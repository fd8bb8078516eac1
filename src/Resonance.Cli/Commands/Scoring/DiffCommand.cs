using System.CommandLine;
using System.Globalization;
using Resonance.Application.Scoring;
using Spectre.Console;

namespace Resonance.Cli.Commands.Scoring;

/// <summary><c>resonance diff ACCOUNT --from R1 --to R2</c>: why an account's score changed.</summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var account = new Argument<string>("account") { Description = "NETWORK:ID-OR-HANDLE, or a member's email or user name (a person: every linked network)." };
        var from = new Option<long>("--from") { Description = "The earlier run.", Required = true, HelpName = "R1" };
        var to = new Option<long>("--to") { Description = "The later run.", Required = true, HelpName = "R2" };
        var count = new Option<int>("--n") { Description = "How many engagers to list.", DefaultValueFactory = _ => 10, HelpName = "N" };
        var json = new Option<bool>("--json") { Description = "Print the full diff (every engager) as JSON." };
        var command = new Command("diff", """
            Why did the score change? Splits the change between two runs into new or lost engagement (per engager),
            population shift (everyone else moved) and algorithm-version change. The parts add up to the total.
            Between resonance@1 and resonance@2 the algorithm part is split further between the defences (follow-backs,
            low-trust and likely-inauthentic engagers, pod reciprocity), the engagers' standing and the calibration.
            Given a member, diffs their combined score as of R1 and as of R2 (each network's latest run up to each),
            network by network; the networks' contribution changes add up to the total.

            Examples:
              resonance diff higgs:88 --from 1 --to 2
              resonance diff ada@example.org --from 2 --to 5
            """)
        { account, from, to, count, json };
        command.SetAction((parse, ct) => Persons.PersonCommandRunner.IsPerson(parse.GetValue(account)!)
            ? Persons.PersonDiffView.RunAsync(console, GlobalOptions.Database(parse), parse.GetValue(account)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(count), parse.GetValue(json), ct)
            : ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
        {
            var who = await ScoringCommandRunner.AccountAsync(store, parse.GetValue(account)!, ct).ConfigureAwait(false);
            var d = await new DiffService(store).DiffAsync(who, parse.GetValue(from), parse.GetValue(to), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.WriteJson(new
                {
                    account = who.Label, from = d.From.Id, to = d.To.Id, d.ScoreBefore, d.ScoreAfter, total = d.Total, d.EngagementChange, d.PriorChange,
                    d.PopulationShift, d.AlgorithmChange, residual = d.Residual,
                    engagers = d.Contributors.Select(c => new { account = ScoreFormat.Name(d.Names, c.EngagerId), c.Status, c.Before, c.After, c.ScoreChange }),
                    defences = d.Defences is not { } a ? null : new
                    {
                        added = a.Added,
                        parts = a.Parts.Select(p => new { p.Name, p.Title, p.Raw, p.Points }),
                        residual = a.Points - d.AlgorithmChange,
                        discounts = DiscountFormat.Json(a.Ledger, d.Names),
                    },
                    defences_unavailable = d.DefencesUnavailable,
                });
                return ExitCodes.Ok;
            }

            var o = console.Out;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{who.Label}: {d.ScoreBefore:0.0} (run {d.From.Id}, {d.From.Algorithm}) → {d.ScoreAfter:0.0} (run {d.To.Id}, {d.To.Algorithm}): {ScoreFormat.Points(d.Total)}"));
            o.WriteLine($"  engagement          {ScoreFormat.Points(d.EngagementChange)}  ({d.Contributors.Count(c => c.Status == "new")} new, {d.Contributors.Count(c => c.Status == "lost")} lost, {d.Contributors.Count(c => c.Status == "changed")} changed engagers; prior {ScoreFormat.Points(d.PriorChange)})");
            o.WriteLine($"  population shift    {ScoreFormat.Points(d.PopulationShift)}");
            o.WriteLine($"  algorithm version   {ScoreFormat.Points(d.AlgorithmChange)}");
            if (d.DefencesUnavailable is { } why)
            {
                o.WriteLine($"    (no split between the defences: {why})");
            }

            if (d.Defences is { } defences)
            {
                var ledger = defences.Ledger;
                var sign = defences.Added ? "" : " (removed)";
                foreach (var p in defences.Parts)
                {
                    var hit = p.Defence is { } kind ? $": {DiscountFormat.Who(ledger, kind)}" : "";
                    var raw = p.Name == "calibration" ? "" : string.Create(CultureInfo.InvariantCulture, $"  (raw {p.Raw:+0.####;-0.####;0}{hit})");
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {p.Title + (p.Defence is null ? "" : sign),-58} {ScoreFormat.Points(p.Points),6}{raw}"));
                }
            }
            var table = new Table().Border(TableBorder.Simple).AddColumns("engager", "status", "raw before", "raw after", "points");
            foreach (var c in d.Contributors.Take(parse.GetValue(count)))
            {
                table.AddRow(Markup.Escape(ScoreFormat.Name(d.Names, c.EngagerId)), c.Status, c.Before.ToString("0.####", CultureInfo.InvariantCulture),
                    c.After.ToString("0.####", CultureInfo.InvariantCulture), c.ScoreChange.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture));
            }

            if (d.Contributors.Count > 0)
            {
                o.Write(table);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
