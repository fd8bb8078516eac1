namespace Resonance.Engine.Statistics;

/// <summary>Normalized mutual information between two partitions of the same items, with arithmetic-mean normalization.</summary>
/// <remarks>
/// <para>Method: with the contingency table n_ij (items in cluster i of a and cluster j of b), row and column sums a_i and
/// b_j, and N items, <c>I = Σ_ij (n_ij/N)·ln(N·n_ij / (a_i·b_j))</c>, <c>H(a) = −Σ_i (a_i/N)·ln(a_i/N)</c>, and
/// <c>NMI = 2I / (H(a) + H(b))</c> [1]. This is the arithmetic mean normalization of scikit-learn's
/// <c>normalized_mutual_info_score</c> (its default) and of igraph's <c>compare_communities(method="nmi")</c>. The
/// logarithm's base cancels. When both partitions put every item in one cluster (both entropies 0), NMI is 1, as in
/// both libraries; when only one does, I = 0 and NMI is 0.</para>
/// <para>Labels are arbitrary integers; only equality matters, so NMI is invariant under renaming clusters.</para>
/// <para>Complexity: O(N log N) time (one sort of the label pairs), O(N) extra memory.</para>
/// <para>Determinism: the contingency cells are visited in sorted (a, b) order, so the value is bit-identical for the
/// same inputs.</para>
/// <para>References:
/// [1] Danon, Díaz-Guilera, Duch, Arenas (2005). Comparing community structure identification. J. Stat. Mech. P09008.
///     doi:10.1088/1742-5468/2005/09/P09008
/// [2] Vinh, Epps, Bailey (2010). Information theoretic measures for clusterings comparison. JMLR 11:2837–2854.</para>
/// </remarks>
public static class NormalizedMutualInformation
{
    /// <summary>Returns the NMI of two labelings of the same N items, in [0, 1].</summary>
    /// <param name="a">The cluster label of each item in the first partition.</param>
    /// <param name="b">The cluster label of each item in the second partition, paired by index.</param>
    /// <returns>2·I(a; b) / (H(a) + H(b)); 1 when both are single clusters.</returns>
    /// <exception cref="ArgumentException">The lengths differ or there are no items.</exception>
    public static double Compute(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"The labelings must have the same length, but they have {a.Length} and {b.Length}.", nameof(b));
        }

        var n = a.Length;
        if (n == 0)
        {
            throw new ArgumentException("Normalized mutual information needs at least one item.", nameof(a));
        }

        var pairs = new long[n];
        for (var i = 0; i < n; i++)
        {
            // Order-preserving key: a in the high 32 bits, b in the low (offset so that negative labels sort correctly).
            pairs[i] = ((long)a[i] << 32) | (uint)(b[i] ^ int.MinValue);
        }

        Array.Sort(pairs);
        var hA = Entropy(a, n);
        var hB = Entropy(b, n);
        if (hA + hB == 0)
        {
            return 1.0;
        }

        // I = Σ (n_ij/N)·ln(N·n_ij/(a_i·b_j)), with a_i and b_j looked up from per-label counts.
        var countA = Counts(a);
        var countB = Counts(b);
        var mutual = 0.0;
        for (var i = 0; i < n;)
        {
            var j = i + 1;
            while (j < n && pairs[j] == pairs[i])
            {
                j++;
            }

            double cell = j - i;
            var labelA = (int)(pairs[i] >> 32);
            var labelB = (int)pairs[i] ^ int.MinValue;
            mutual += cell / n * Math.Log(cell * n / ((double)countA[labelA] * countB[labelB]));
            i = j;
        }

        return Math.Clamp(2 * mutual / (hA + hB), 0.0, 1.0);
    }

    private static double Entropy(ReadOnlySpan<int> labels, int n)
    {
        var sorted = labels.ToArray();
        Array.Sort(sorted);
        var h = 0.0;
        for (var i = 0; i < n;)
        {
            var j = i + 1;
            while (j < n && sorted[j] == sorted[i])
            {
                j++;
            }

            var p = (double)(j - i) / n;
            h -= p * Math.Log(p);
            i = j;
        }

        return h;
    }

    private static Dictionary<int, int> Counts(ReadOnlySpan<int> labels)
    {
        var counts = new Dictionary<int, int>();
        foreach (var label in labels)
        {
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }

        return counts;
    }
}
