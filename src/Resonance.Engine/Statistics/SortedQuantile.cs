namespace Resonance.Engine.Statistics;

/// <summary>The q-quantile of an already sorted sample, by linear interpolation between order statistics.</summary>
/// <remarks>Hyndman and Fan (1996), "Sample quantiles in statistical packages", definition 7 (numpy's default 'linear'):
/// h = (n − 1)·q, interpolating between sorted[⌊h⌋] and sorted[⌈h⌉]. O(1) time; deterministic.</remarks>
public static class SortedQuantile
{
    /// <summary>Returns the <paramref name="q"/>-quantile of <paramref name="sorted"/> (ascending, non-empty), q in [0, 1].</summary>
    /// <exception cref="ArgumentException"><paramref name="sorted"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is outside [0, 1].</exception>
    public static double At(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("A quantile needs at least one value.", nameof(sorted));
        }

        if (q is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "q must be in [0, 1].");
        }

        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
