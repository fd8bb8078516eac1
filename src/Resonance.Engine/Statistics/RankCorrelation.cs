namespace Resonance.Engine.Statistics;

/// <summary>Spearman's rank correlation coefficient, with tied values given their average (mid) rank.</summary>
/// <remarks>
/// <para>Method: each vector is replaced by its 1-based ranks, where a group of equal values shares the mean of the
/// positions it occupies in sorted order, and rho is the Pearson correlation of the two rank vectors,
/// <c>Σ(rx − r̄)(ry − r̄) / √(Σ(rx − r̄)² · Σ(ry − r̄)²)</c>. With ties this is the definition used by
/// <c>scipy.stats.spearmanr</c>, not the shortcut <c>1 − 6Σd²/(n(n² − 1))</c>, which is exact only without ties.
/// The result is NaN when there are fewer than two pairs or either rank vector is constant (as scipy returns).</para>
/// <para>Exactness: ranks are integers or half-integers and their mean is (n + 1)/2, so the deviations are exact;
/// a perfectly monotone pair (the same ranks) gives exactly 1 and a perfectly anti-monotone pair exactly −1, since
/// <c>√(a·a)</c> is exactly <c>|a|</c> in IEEE arithmetic. The result is clamped to [−1, 1].</para>
/// <para>Complexity: O(n log n) time (one sort per vector), O(n) extra memory.</para>
/// <para>Determinism: the ranks depend only on the values (the order of equal values within a tie group does not
/// change their shared rank, so the result equals that of a stable sort by value then index), and every sum runs in
/// index order, so results are bit-identical for the same input.</para>
/// <para>References:
/// [1] Spearman (1904). The proof and measurement of association between two things. American Journal of
///     Psychology 15(1):72–101. doi:10.2307/1412159
/// [2] Kendall, Gibbons (1990). Rank Correlation Methods, 5th ed., ch. 3 (ties by mid-ranks). Edward Arnold.</para>
/// </remarks>
public static class RankCorrelation
{
    /// <summary>Computes Spearman's rho between <paramref name="x"/> and <paramref name="y"/>.</summary>
    /// <param name="x">The first sample; no NaN.</param>
    /// <param name="y">The second sample, paired with <paramref name="x"/> by index; no NaN.</param>
    /// <returns>rho in [−1, 1], or <see cref="double.NaN"/> when the length is below 2 or either sample is constant.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or a value is NaN.</exception>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"The samples must have the same length, but they have {x.Length} and {y.Length}.", nameof(y));
        }
        var rx = AverageRanks(x);
        var ry = AverageRanks(y);
        var n = rx.Length;
        if (n < 2)
        {
            return double.NaN;
        }
        var meanX = Sum(rx) / n;
        var meanY = Sum(ry) / n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = rx[i] - meanX;
            var dy = ry[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0)
        {
            return double.NaN;
        }
        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0);
    }

    /// <summary>Returns the 1-based ranks of <paramref name="values"/>, ties given the mean of the ranks they span.</summary>
    /// <param name="values">The values; any finite or infinite value, but no NaN. −0 and +0 are equal.</param>
    /// <returns>A new array: <c>ranks[i]</c> is the rank of <c>values[i]</c>, e.g. [10, 20, 20, 5] gives [2, 3.5, 3.5, 1].</returns>
    /// <exception cref="ArgumentException">A value is NaN.</exception>
    public static double[] AverageRanks(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var keys = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new ArgumentException($"Value {i} is NaN; ranks need ordered values.", nameof(values));
            }
            keys[i] = values[i];
            order[i] = i;
        }
        Array.Sort(keys, order);
        var ranks = new double[n];
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }
            // Positions start..end−1 hold ranks start+1..end; their mean is exact (a half-integer at worst).
            var rank = (start + 1 + end) / 2.0;
            for (var j = start; j < end; j++)
            {
                ranks[order[j]] = rank;
            }
            start = end;
        }
        return ranks;
    }

    private static double Sum(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }
        return sum;
    }
}
