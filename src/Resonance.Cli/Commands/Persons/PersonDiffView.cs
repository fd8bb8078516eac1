using System.Globalization;
using Resonance.Application.Persons;
using Resonance.Cli.Commands.Scoring;
using Resonance.Storage;
using Spectre.Console;

namespace Resonance.Cli.Commands.Persons;

/// <summary><c>resonance diff PERSON --from R1 --to R2</c>: the combined score as of each run and, per network, how its
/// contribution changed and which engagers changed it.</summary>
internal static class PersonDiffView
{
    public static Task<int> RunAsync(CliConsole console, DatabaseLocation location, string person, long from, long to, int n, bool json, CancellationToken ct) =>
        PersonCommandRunner.RunAsync(console, location, ct, async s =>
        {
            var who = await s.Links.PersonAsync(person, ct).ConfigureAwait(false);
            var d = await s.Diffs.DiffAsync(who, from, to, ct).ConfigureAwait(false);
            if (json)
            {
                console.WriteJson(new
                {
                    Person = who.UserName, From = from, To = to, ScoreBefore = d.Before.Combined?.Score, ScoreAfter = d.After.Combined?.Score, d.Total,
                    Networks = d.Networks.Select(c => new
                    {
                        c.Network, RunBefore = c.RunBefore?.Id, RunAfter = c.RunAfter?.Id, ContributionBefore = c.Before?.Contribution ?? 0,
                        ContributionAfter = c.After?.Contribution ?? 0, c.ContributionChange, c.Note,
                        Engagers = c.Accounts.SelectMany(a => a.Contributors.Select(e => new
                        {
                            Account = a.Account.Label, Engager = ScoreFormat.Name(a.Names, e.EngagerId), e.Status, e.Before, e.After, e.ScoreChange,
                        })),
                    }),
                });
                return ExitCodes.Ok;
            }

            Write(console.Out, d, from, to, n);
            return ExitCodes.Ok;
        });

    private static void Write(IAnsiConsole o, PersonDiff d, long from, long to, int n)
    {
        o.WriteLine($"{d.After.Person.Label}: combined {Score(d.Before)} (as of run {from}) → {Score(d.After)} (as of run {to}): {ScoreFormat.Points(d.Total)}");
        foreach (var c in d.Networks)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Network}: run {Run(c.RunBefore)} → {Run(c.RunAfter)}, contributes {c.Before?.Contribution ?? 0:0.0} → {c.After?.Contribution ?? 0:0.0} ({ScoreFormat.Points(c.ContributionChange)})"));
            foreach (var a in c.Accounts)
            {
                o.WriteLine($"    {a.Account.Label}: {a.ScoreBefore:0.0} → {a.ScoreAfter:0.0} ({ScoreFormat.Points(a.Total)}; engagement {ScoreFormat.Points(a.EngagementChange)}, population {ScoreFormat.Points(a.PopulationShift)}, algorithm {ScoreFormat.Points(a.AlgorithmChange)})");
                foreach (var e in a.Contributors.Take(n))
                {
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"      {ScoreFormat.Name(a.Names, e.EngagerId)} {e.Status} {e.ScoreChange:+0.00;-0.00;0.00}"));
                }
            }

            if (c.Note is not null)
            {
                o.WriteLine($"    {c.Note}");
            }
        }
    }

    private static string Score(PersonProfile p) => p.Combined is { } c ? c.Score.ToString("0.0", CultureInfo.InvariantCulture) : "unscored";

    private static string Run(Application.Scoring.ScoreRunInfo? r) => r is null ? "none" : r.Id.ToString(CultureInfo.InvariantCulture);
}
