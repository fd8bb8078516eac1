namespace Resonance.Engine.Randomness;

/// <summary>Samples an index 0..n−1 with probability proportional to fixed weights in O(1) time (Walker's alias method, Vose's construction).</summary>
/// <remarks>
/// Method: each of the n columns holds a probability <c>p[i]</c> of returning i and an alias returned otherwise. Vose's
/// construction pairs one under-full column with one over-full column at a time, using two index stacks, which is
/// numerically stable; leftovers due to rounding get probability 1.
/// Complexity: O(n) time and 12n bytes to build; O(1) time (one bounded integer, one double) per sample.
/// Determinism: the table depends only on the weights (the stacks are filled in index order), and a sample depends only
/// on the generator state. Zero weights are never sampled.
/// [1] Walker (1977). An efficient method for generating discrete random variables with general distributions.
///     ACM TOMS 3(3):253–256. doi:10.1145/355744.355749
/// [2] Vose (1991). A linear algorithm for generating random numbers with a given distribution.
///     IEEE Trans. Software Eng. 17(9):972–975. doi:10.1109/32.92917
/// </remarks>
/// <seealso cref="Sampling"/>
public sealed class AliasTable
{
    private readonly double[] _probability;
    private readonly int[] _alias;

    /// <summary>Builds a table for the given weights.</summary>
    /// <exception cref="ArgumentException">There are no weights, a weight is negative or not finite, or all weights are zero.</exception>
    public AliasTable(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        if (n == 0)
        {
            throw new ArgumentException("An alias table needs at least one weight.", nameof(weights));
        }
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var w = weights[i];
            if (!(w >= 0.0 && double.IsFinite(w)))
            {
                throw new ArgumentException($"Weight {i} must be non-negative and finite, but it is {w}.", nameof(weights));
            }
            total += w;
        }
        if (!(total > 0.0 && double.IsFinite(total)))
        {
            throw new ArgumentException($"The weights must have a positive finite sum, but it is {total}.", nameof(weights));
        }

        _probability = new double[n];
        _alias = new int[n];
        var scaled = new double[n];
        var small = new int[n];
        var large = new int[n];
        int smallCount = 0, largeCount = 0;
        for (var i = 0; i < n; i++)
        {
            scaled[i] = weights[i] * n / total;
            _alias[i] = i;
            if (scaled[i] < 1.0)
            {
                small[smallCount++] = i;
            }
            else
            {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0)
        {
            var s = small[--smallCount];
            var l = large[largeCount - 1];
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0)
            {
                largeCount--;
                small[smallCount++] = l;
            }
        }
        while (largeCount > 0)
        {
            _probability[large[--largeCount]] = 1.0;
        }
        while (smallCount > 0)
        {
            // Only rounding error leaves a column here; its true probability is 1 (a zero weight keeps 0 and its alias).
            var s = small[--smallCount];
            _probability[s] = weights[s] > 0.0 ? 1.0 : 0.0;
        }
    }

    /// <summary>The number of weights (indices are 0..Count−1).</summary>
    public int Count => _probability.Length;

    /// <summary>Draws an index with probability proportional to its weight.</summary>
    public int Sample(ref Xoshiro256StarStar rng)
    {
        var i = rng.NextInt(_probability.Length);
        return rng.NextDouble() < _probability[i] ? i : _alias[i];
    }
}
