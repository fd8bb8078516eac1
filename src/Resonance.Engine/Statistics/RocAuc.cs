namespace Resonance.Engine.Statistics;

/// <summary>The area under the ROC curve of scores against binary labels, by the Mann–Whitney U statistic.</summary>
/// <remarks>
/// <para>Method: the AUC is the probability that a randomly chosen positive item scores above a randomly chosen
/// negative one, a tie counting one half. With the 1-based average ranks r of all scores (ties share the mean of the
/// ranks they span, <see cref="RankCorrelation.AverageRanks"/>), P positives and N negatives,
/// <c>AUC = (Σ_{positives} r − P(P + 1)/2) / (P·N)</c>, which is U/(P·N) [1] and equals the trapezoidal area under the
/// ROC curve [2]. 1 means every positive scores above every negative, 0 the reverse, 0.5 no separation (for example
/// all scores equal). It is NaN when either class is empty.</para>
/// <para>Exactness: ranks are integers or half-integers, so the rank sum and the subtracted term are exact below
/// 2⁵² and the only rounding is the final division: an all-positives-above result is exactly 1 and its mirror exactly 0.</para>
/// <para>Complexity: O(n log n) time (one sort), O(n) extra memory.</para>
/// <para>Determinism: the ranks depend only on the values and the sum runs in index order, so results are
/// bit-identical for the same input.</para>
/// <para>References:
/// [1] Mann, Whitney (1947). On a test of whether one of two random variables is stochastically larger than the
///     other. Annals of Mathematical Statistics 18(1):50–60. doi:10.1214/aoms/1177730491
/// [2] Hanley, McNeil (1982). The meaning and use of the area under a receiver operating characteristic (ROC) curve.
///     Radiology 143(1):29–36. doi:10.1148/radiology.143.1.7063747</para>
/// </remarks>
public static class RocAuc
{
    /// <summary>Computes the ROC AUC of <paramref name="scores"/> for the positive class of <paramref name="labels"/>.</summary>
    /// <param name="scores">One score per item; higher should mean positive. No NaN.</param>
    /// <param name="labels">True for a positive item, false for a negative one; paired with <paramref name="scores"/> by index.</param>
    /// <returns>The AUC in [0, 1], or <see cref="double.NaN"/> when there are no positives or no negatives.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or a score is NaN.</exception>
    public static double Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException($"There must be one label per score, but there are {scores.Length} scores and {labels.Length} labels.", nameof(labels));
        }

        var ranks = RankCorrelation.AverageRanks(scores);
        long positives = 0;
        var rankSum = 0.0;
        for (var i = 0; i < ranks.Length; i++)
        {
            if (labels[i])
            {
                positives++;
                rankSum += ranks[i];
            }
        }

        long negatives = ranks.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var u = rankSum - (positives * (positives + 1) / 2.0);
        return Math.Clamp(u / ((double)positives * negatives), 0.0, 1.0);
    }
}
