using System.Globalization;
using Resonance.Application.Integrity.Discounts;
using Resonance.Application.Scoring;
using Spectre.Console;

namespace Resonance.Cli.Commands.Scoring;

/// <summary>How the resonance@2 discounts read in <c>explain</c> and <c>diff</c>, as text and as JSON.</summary>
internal static class DiscountFormat
{
    /// <summary>Who a defence applied to: <c>12 engagers (rate 9, low-trust 3)</c>, <c>3 engagers (pod score up to 0.93)</c>,
    /// <c>4 follows from 2 engagers</c>.</summary>
    public static string Who(DiscountLedger ledger, DefenceKind kind)
    {
        var total = ledger.Defences.Single(d => d.Kind == kind);
        var indirect = Math.Round(total.Indirect, 4) != 0
            ? string.Create(CultureInfo.InvariantCulture, $"; {Raw(total.Indirect)} indirectly")
            : "";
        return Direct(ledger, kind) + indirect;
    }

    private static string Direct(DiscountLedger ledger, DefenceKind kind)
    {
        var hit = ledger.Hit(kind).ToList();
        return kind switch
        {
            _ when hit.Count == 0 => "applied to no engager of this account",
            DefenceKind.FollowBack => string.Create(CultureInfo.InvariantCulture, $"{hit.Sum(e => e.FollowBacksDropped)} follow-backs from {Engagers(hit.Count)}"),
            DefenceKind.Pod => string.Create(CultureInfo.InvariantCulture, $"{Engagers(hit.Count)} engaged back (pod score up to {hit.Max(e => e.PodScore):0.00})"),
            DefenceKind.Cohort => string.Create(CultureInfo.InvariantCulture, $"{Engagers(hit.Count)} audience-less newcomers (the account's cohort score {hit.Max(e => e.CohortScore):0.00})"),
            _ => $"{Engagers(hit.Count)} ({string.Join(", ", ledger.StrongestReasons(kind).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Signal} {r.Engagers}")))})",
        };
    }

    /// <summary>The discounts section of <c>explain</c>: totals per defence and the most discounted engagers.</summary>
    public static void Write(IAnsiConsole o, DiscountLedger ledger, IReadOnlyDictionary<long, AccountRef> names, int n)
    {
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  resonance@2 discounts (recomputed from the run's data, standing as in the run): raw {ledger.Undiscounted:0.####} without them → {ledger.Raw:0.####}   (check: {ledger.Residual:0.0e+0})"));
        foreach (var d in ledger.Defences)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {DefenceKinds.Title(d.Kind),-60} {Raw(d.Amount),10} raw: {Who(ledger, d.Kind)}"));
        }

        var discounted = Discounted(ledger).ToList();
        if (discounted.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple).Title($"Most discounted engagers, {discounted.Count:N0} in all")
            .AddColumns("engager", "without", "counted", "follow-back", "inauthentic", "pod", "cohort", "reasons");
        foreach (var e in discounted.Take(n))
        {
            table.AddRow(Markup.Escape(ScoreFormat.Name(names, e.EngagerId)), F(e.Undiscounted), F(e.Contribution), Raw(e.Step(DefenceKind.FollowBack)),
                Raw(e.Step(DefenceKind.Inauthentic)), Raw(e.Step(DefenceKind.Pod)), Raw(e.Step(DefenceKind.Cohort)), Markup.Escape(Reasons(e)));
        }

        o.Write(table);
    }

    /// <summary>The ledger as JSON: totals per defence and every engager a defence applied to.</summary>
    public static object Json(DiscountLedger ledger, IReadOnlyDictionary<long, AccountRef> names) => new
    {
        ledger.Undiscounted,
        ledger.Raw,
        ledger.Residual,
        defences = ledger.Defences.Select(d => new
        {
            defence = DefenceKinds.Name(d.Kind), title = DefenceKinds.Title(d.Kind), amount = d.Amount, d.Direct, d.Indirect, d.Engagers,
            reasons = ledger.StrongestReasons(d.Kind).Select(r => new { r.Signal, r.Engagers }),
        }),
        engagers = Discounted(ledger).Select(e => new
        {
            account = ScoreFormat.Name(names, e.EngagerId), e.Undiscounted, e.Contribution,
            follow_back = e.Step(DefenceKind.FollowBack), inauthentic = e.Step(DefenceKind.Inauthentic), pod = e.Step(DefenceKind.Pod),
            newcomer_cohort = e.Step(DefenceKind.Cohort), e.FollowBacksDropped, e.Weight, e.PodScore, e.CohortScore,
            reasons = e.Reasons.Select(r => new { r.Signal, r.Value, r.Score }),
        }),
    };

    /// <summary>Engagers a defence applied to, most discounted first.</summary>
    public static IEnumerable<EngagerDiscount> Discounted(DiscountLedger ledger) =>
        ledger.Engagers.Where(e => e.Discounted).OrderBy(e => e.Contribution - e.Undiscounted).ThenBy(e => e.EngagerId);

    private static string Reasons(EngagerDiscount e)
    {
        var reasons = e.Reasons.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Signal} {r.Score:0.00}"));
        return string.Join(", ", e.FollowBacksDropped > 0 ? reasons.Prepend($"{e.FollowBacksDropped} follow-back(s)") : reasons);
    }

    private static string Engagers(int count) => count == 1 ? "1 engager" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} engagers");

    private static string Raw(double v) => v.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
