using CsCheck;
using Resonance.Application.Scoring;
using Resonance.Domain;

namespace Resonance.Application.Tests.Scoring;

/// <summary>Small random inputs for the own-activity tests (resonance@6's raw score, resonance@7's score).</summary>
internal static class OwnActivityRows
{
    public const long T0 = 1_700_000_000_000;
    public const long Minute = 60_000;
    public const long AsOf = T0 + (600 * Minute);

    private static readonly InteractionKind[] Kinds = [.. InteractionKinds.All];

    /// <summary>One interaction among accounts 1–10 (extra actions may also reach 11–12, accounts not yet in the graph),
    /// any kind, a weight that may be 0 (dropped), over 10 hours with ties.</summary>
    public static Gen<(long Actor, long Target, InteractionKind Kind, long Time, double Weight)> Row(long maxTarget) =>
        Gen.Select(Gen.Long[1, 10], Gen.Long[1, maxTarget], Gen.Int[0, Kinds.Length - 1], Gen.Long[0, 600], Gen.Int[0, 4])
            .Select(r => (r.Item1, r.Item2, Kinds[r.Item3], T0 + (r.Item4 * Minute), r.Item5 * 0.5));

    public static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    public static ScoringInput Input((long Actor, long Target, InteractionKind Kind, long Time, double Weight)[] rows) =>
        new([.. rows.Select(r => r.Actor)], [.. rows.Select(r => r.Target)], [.. rows.Select(r => r.Kind)], [.. rows.Select(r => r.Time)],
            [.. rows.Select(r => r.Weight)], [], []);
}
