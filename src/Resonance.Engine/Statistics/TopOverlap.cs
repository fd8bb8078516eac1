namespace Resonance.Engine.Statistics;

/// <summary>Precision at a fraction: how many of the top-k items by a predicted score are also top-k by the actual score.</summary>
/// <remarks>
/// <para>Method: with n items and <c>k = max(1, ⌊fraction·n⌋)</c>, the top k indices of each score vector are taken
/// in descending order of score, ties broken by the lower index first (exactly <c>np.argsort(-s, kind='stable')[:k]</c>),
/// and the result is <c>|top_k(predicted) ∩ top_k(actual)| / k</c>: precision at k [1] with the actual top k as the
/// relevant set. Since both sets have k elements it is also the recall of the predicted top set.</para>
/// <para>Complexity: O(n log n) time (one sort per vector), O(n) extra memory.</para>
/// <para>Determinism: the tie rule makes the top-k set a function of the values alone; the sort is followed by an
/// ascending sort of each tie group's indices, which is what a stable sort would give.</para>
/// <para>References:
/// [1] Manning, Raghavan, Schütze (2008). Introduction to Information Retrieval, §8.4 (precision at k).
///     Cambridge University Press.</para>
/// </remarks>
public static class TopOverlap
{
    /// <summary>Returns the fraction of the top-k items by <paramref name="predicted"/> that are also top-k by <paramref name="actual"/>.</summary>
    /// <param name="predicted">The predicted scores; no NaN.</param>
    /// <param name="actual">The reference scores, paired by index; no NaN.</param>
    /// <param name="fraction">The share of items to compare, in (0, 1]; k = max(1, ⌊fraction·n⌋).</param>
    /// <returns>|intersection| / k, in [0, 1].</returns>
    /// <exception cref="ArgumentException">The lengths differ, there are no items, or a score is NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is not in (0, 1].</exception>
    public static double PrecisionAtFraction(ReadOnlySpan<double> predicted, ReadOnlySpan<double> actual, double fraction)
    {
        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException($"The score vectors must have the same length, but they have {predicted.Length} and {actual.Length}.", nameof(actual));
        }
        var n = predicted.Length;
        if (n == 0)
        {
            throw new ArgumentException("Precision at a fraction needs at least one item.", nameof(predicted));
        }
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be in (0, 1].");
        }
        var k = Math.Max(1, (int)(fraction * n));
        var inPredicted = new bool[n];
        foreach (var i in TopIndices(predicted, k))
        {
            inPredicted[i] = true;
        }
        var common = 0;
        foreach (var i in TopIndices(actual, k))
        {
            if (inPredicted[i])
            {
                common++;
            }
        }
        return (double)common / k;
    }

    /// <summary>Returns the indices of the <paramref name="k"/> largest values, largest first, ties by lower index first.</summary>
    /// <param name="values">The values; no NaN. −0 and +0 are equal.</param>
    /// <param name="k">How many indices to return, 0 ≤ k ≤ n.</param>
    /// <returns>A new array of k distinct indices, e.g. [1, 3, 3, 2, 3] with k = 4 gives [1, 2, 4, 3].</returns>
    /// <exception cref="ArgumentException">A value is NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative or above n.</exception>
    public static int[] TopIndices(ReadOnlySpan<double> values, int k)
    {
        var n = values.Length;
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        var keys = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(values[i]))
            {
                throw new ArgumentException($"Value {i} is NaN; a top-k set needs ordered values.", nameof(values));
            }
            keys[i] = -values[i];
            order[i] = i;
        }
        Array.Sort(keys, order);
        // Array.Sort is not stable: restore ascending index order within each group of equal keys that reaches the top k.
        var start = 0;
        while (start < k)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }
            Array.Sort(order, start, end - start);
            start = end;
        }
        return order[..k];
    }
}
