namespace Resonance.Application.Persons;

/// <summary>The rule that combines scores on the 1–100 scale into one (a person's networks, or their accounts on one
/// network): the best score counts in full, and every other score closes a share of what is left of the gap to 100.</summary>
/// <remarks>
/// <para>S = 100 − (100 − S_max) · Π_{i ≠ max} (1 − w · S_i / 100), with w = <see cref="Weight"/>. With one score S is
/// that score; S is non-decreasing in every score (continuous, and the formula is the same whichever of two tied scores
/// is taken as the best); adding a score never lowers S (the product only gains factors ≤ 1); S ≤ 100.</para>
/// <para>The other scores are multiplied in descending order, so equal inputs in any order give identical bits.</para>
/// </remarks>
public static class ScoreCombination
{
    /// <summary>How much of the remaining gap a score other than the best closes, per point of score (0.5: a second
    /// network at 50 closes a quarter of the gap). Percentiles in two populations are not independent evidence, so a
    /// second network counts for less than the first.</summary>
    public const double Weight = 0.5;

    /// <summary>The combined score of <paramref name="scores"/> (each in [1, 100]); throws for an empty list.</summary>
    public static double Combine(IEnumerable<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var sorted = scores.OrderDescending().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("there is no score to combine.", nameof(scores));
        }

        if (sorted.Length == 1)
        {
            return sorted[0];
        }

        var gap = 100 - sorted[0];
        for (var i = 1; i < sorted.Length; i++)
        {
            gap *= Factor(sorted[i]);
        }

        return 100 - gap;
    }

    /// <summary>What each of <paramref name="scores"/> contributes to their combined score; the shares add up to it. The
    /// best score (the first of equal best ones) contributes itself; the rest of the combined score is shared among the
    /// others in proportion to −ln(1 − w·S/100), how much each shrinks the gap.</summary>
    public static double[] Shares(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var shares = new double[scores.Count];
        if (scores.Count == 0)
        {
            return shares;
        }

        var best = 0;
        for (var i = 1; i < scores.Count; i++)
        {
            best = scores[i] > scores[best] ? i : best;
        }

        shares[best] = scores[best];
        var gain = Combine(scores) - scores[best];
        var logs = scores.Select((s, i) => i == best ? 0 : -Math.Log(Factor(s))).ToArray();
        var total = logs.Sum();
        for (var i = 0; i < scores.Count; i++)
        {
            shares[i] += i == best || total <= 0 ? 0 : gain * logs[i] / total;
        }

        return shares;
    }

    private static double Factor(double score) => 1 - (Weight * score / 100);
}
