using System.Globalization;
using Resonance.Application.Persons;
using Resonance.Cli.Commands.Scoring;
using Spectre.Console;

namespace Resonance.Cli.Commands.Persons;

/// <summary>How a person's profile reads: the combined score, each network's score and contribution, the duplicate
/// engagers counted once, and (for <c>explain</c>) each network's top contributions.</summary>
internal static class PersonView
{
    /// <summary>The profile as JSON; <paramref name="top"/> engagers per network when above zero.</summary>
    public static object Json(PersonProfile p, int top) => new
    {
        Person = new { p.Person.UserName, p.Person.Email },
        AsOfRun = p.AsOf?.Id,
        Combined = p.Combined is { } c ? new { c.Score, c.Low, c.High } : null,
        Networks = p.Networks.Select(n =>
        {
            var part = p.PartOf(n.Network);
            return new
            {
                n.Network, Run = n.Run?.Id, n.Scored, Score = part?.Score, Low = part?.Low, High = part?.High, Counted = part?.Counted ?? false,
                CountedScore = part?.CountedScore, Contribution = part?.Contribution ?? 0,
                Accounts = n.Accounts.Select(a => new { Account = a.Account.Label, a.Score?.Score, a.Score?.Low, a.Score?.High, a.Score?.Raw, a.Score?.Rank }),
                DuplicatesRemoved = (part?.Removed ?? []).Select(d => new { Member = p.MemberName(d.UserId), d.KeptOn, d.PointsHere, d.PointsKept }),
                Top = top <= 0 ? null : n.Accounts.SelectMany(a => a.Contributions.Select(c => (a.Account, c))).OrderByDescending(x => x.c.Total).Take(top)
                    .Select(x => new { Account = x.Account.Label, Engager = ScoreFormat.Name(p.Names, x.c.EngagerId), x.c.Total }),
            };
        }),
    };

    /// <summary>The combined score line and the table of networks.</summary>
    public static void WriteSummary(IAnsiConsole o, PersonProfile p)
    {
        var asOf = p.AsOf is { } r ? $"as of run {r.Id}" : "as of each network's latest run";
        var counted = p.Combined?.Networks.Count(n => n.Counted) ?? 0;
        o.WriteLine(p.Combined is { } c
            ? $"{p.Person.Label}: combined score {ScoreFormat.WithInterval(c.Score, c.Low, c.High)} from {counted} of {p.Networks.Count} networks, {asOf}"
            : $"{p.Person.Label}: no combined score ({(p.Networks.Count == 0 ? "no linked accounts; see `resonance link`" : "no linked account is scored")}), {asOf}");
        var table = new Table().Border(TableBorder.Simple).AddColumns("network", "run", "accounts", "network score", "counted as", "contributes");
        foreach (var n in p.Networks)
        {
            var part = p.PartOf(n.Network);
            var accounts = string.Join(", ", n.Accounts.Select(a => a.Account.Label + (a.Score is { } s ? $" {ScoreFormat.WithInterval(s)}" : " (unscored)")));
            var run = n.Run is { } nr ? nr.Id.ToString(CultureInfo.InvariantCulture) : "-";
            table.AddRow(Markup.Escape(n.Network), run, Markup.Escape(accounts),
                part is null ? (n.Run is null ? $"no run; resonance score --network {Markup.Escape(n.Network)}" : n.Scored ? "not scored: only the person's own accounts engaged" : "not scored: nobody engaged in the window") : ScoreFormat.WithInterval(part.Score, part.Low, part.High),
                part is { Counted: true } ? F(part.CountedScore) : part is null ? "-" : "left out",
                F(part?.Contribution ?? 0));
        }

        o.Write(table);
        foreach (var part in p.Combined?.Networks ?? [])
        {
            foreach (var d in part.Removed)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {p.MemberName(d.UserId)} engaged on {d.KeptOn} and {part.Network}: counted once, on {d.KeptOn} ({d.PointsKept:0.0} points there; {d.PointsHere:0.0} here taken out)"));
            }
        }
    }

    /// <summary>Each scored network's top contributions, naming the network and the linked account.</summary>
    public static void WriteContributions(IAnsiConsole o, PersonProfile p, int n)
    {
        foreach (var network in p.Networks.Where(x => x.Scored))
        {
            var table = new Table().Border(TableBorder.Simple)
                .Title($"Top contributions on {Markup.Escape(network.Network)} (run {network.Run!.Id})")
                .AddColumns("account", "engager", "contribution (raw)", "share of raw");
            foreach (var (account, c) in network.Accounts.SelectMany(a => a.Contributions.Select(c => (a, c))).OrderByDescending(x => x.c.Total).Take(n))
            {
                table.AddRow(Markup.Escape(account.Account.Label), Markup.Escape(ScoreFormat.Name(p.Names, c.EngagerId)),
                    c.Total.ToString("0.####", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"{100 * c.Total / account.Score!.Raw:0.#}%"));
            }

            o.Write(table);
        }
    }

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
