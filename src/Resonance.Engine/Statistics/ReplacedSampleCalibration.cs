namespace Resonance.Engine.Statistics;

/// <summary>
/// The <see cref="QuantileCalibration"/> of a reference sample in which a few values have been replaced, computed without
/// sorting the changed sample: the reference S is sorted once, and each lookup works on the multiset (S \ R) ∪ B for
/// small sorted R (values taken out, a sub-multiset of S) and B (values put in).
/// </summary>
/// <remarks>
/// <para>Method: rank arithmetic. The number of values ≤ y in the changed sample is count_S(≤ y) − count_R(≤ y) +
/// count_B(≤ y), a non-decreasing function of y, so its j-th order statistic is the smallest value of S or B whose count
/// reaches j + 1 (two binary searches; a value of S whose copies were all taken out never is the smallest). The
/// Hyndman–Fan definition 7 quantile q_i comes from two order statistics exactly as <see cref="QuantileCalibration.Fit"/>
/// computes it (same integer split of h, same clamped interpolation), and <see cref="Percentile(double, ReadOnlySpan{double}, ReadOnlySpan{double})"/> finds the bracket of
/// a value among the q_i by binary search over i and reads it the way <see cref="QuantileCalibration.Percentile"/> does
/// (shared code), so the result is bit-identical to fitting a calibration on the changed sample and looking the value
/// up. With R and B empty it is bit-identical to <see cref="Plain"/>.</para>
/// <para>Complexity: O(n log n) once for the reference; a lookup costs O(log Q · log n · log k) for Q quantiles and
/// k = |R| + |B|, with no allocation. Determinism: a function of the multisets and the value; instances are immutable
/// and safe to share across threads.</para>
/// <para>References: R. J. Hyndman, Y. Fan (1996), "Sample quantiles in statistical packages", The American
/// Statistician 50(4):361–365.</para>
/// </remarks>
public sealed class ReplacedSampleCalibration
{
    private readonly double[] sorted;
    private readonly int[] runEnd;
    private readonly int quantileCount;

    /// <summary>The reference sample <paramref name="raws"/> (finite, at least one value; copied and sorted) with
    /// <paramref name="quantileCount"/> quantiles.</summary>
    public ReplacedSampleCalibration(ReadOnlySpan<double> raws, int quantileCount = QuantileCalibration.DefaultQuantileCount)
    {
        Plain = QuantileCalibration.Fit(raws, quantileCount);
        this.quantileCount = quantileCount;
        sorted = raws.ToArray();
        Array.Sort(sorted);
        runEnd = new int[sorted.Length];
        for (var i = sorted.Length - 1; i >= 0; i--)
        {
            runEnd[i] = i + 1 < sorted.Length && sorted[i + 1] == sorted[i] ? runEnd[i + 1] : i + 1;
        }
    }

    /// <summary>The calibration of the reference sample itself.</summary>
    public QuantileCalibration Plain { get; }

    /// <summary>The number of values in the reference sample.</summary>
    public int Count => sorted.Length;

    /// <summary>The percentile of <paramref name="raw"/> under the calibration of the reference sample with
    /// <paramref name="removed"/> taken out and <paramref name="added"/> put in (both ascending; removed must be part of
    /// the reference, and the changed sample must not be empty).</summary>
    public double Percentile(double raw, ReadOnlySpan<double> removed, ReadOnlySpan<double> added)
    {
        if (removed.IsEmpty && added.IsEmpty)
        {
            return Plain.Percentile(raw);
        }

        var n = sorted.Length - removed.Length + added.Length;
        if (n <= 0)
        {
            throw new ArgumentException("The changed sample is empty.", nameof(removed));
        }

        return Percentile(raw, n, removed, added, false, out _, out _);
    }

    /// <summary><see cref="Percentile(double, ReadOnlySpan{double}, ReadOnlySpan{double})"/> (bit for bit, also with
    /// nothing replaced), and the smallest and largest order statistics of the changed sample that the quantiles of the
    /// final bracket (q_{lo−1}, q_lo, and q_{hi−1}, q_hi when raw ties quantiles) interpolate.</summary>
    /// <remarks>Why: the quantiles do not decrease, so the result depends on the changed sample only through those
    /// quantiles (which decide the bracket) and the sample size, whatever the search visited on its way. Two samples of
    /// the same size whose counts of values ≤ y agree for every y in a closed interval holding both reported values give
    /// the same result, which lets resonance@7 leave out changes that cannot matter (<c>LeaveOneOutScores</c>).</remarks>
    public double Percentile(double raw, ReadOnlySpan<double> removed, ReadOnlySpan<double> added, out double lowestRead, out double highestRead)
    {
        var n = sorted.Length - removed.Length + added.Length;
        if (n <= 0)
        {
            throw new ArgumentException("The changed sample is empty.", nameof(removed));
        }

        return Percentile(raw, n, removed, added, true, out lowestRead, out highestRead);
    }

    /// <summary><c>1 + 99·</c> the percentile of
    /// <see cref="Percentile(double, ReadOnlySpan{double}, ReadOnlySpan{double}, out double, out double)"/>.</summary>
    public double Score(double raw, ReadOnlySpan<double> removed, ReadOnlySpan<double> added, out double lowestRead, out double highestRead) =>
        1.0 + (99.0 * Percentile(raw, removed, added, out lowestRead, out highestRead));

    /// <summary>The value of rank <paramref name="rank"/> (0-based) of the sorted reference sample.</summary>
    public double ReferenceAt(int rank) => sorted[rank];

    /// <summary>The ranks (0-based) of the lowest and highest order statistics of the reference sample itself that a
    /// lookup of <paramref name="raw"/> reads (as reported by
    /// <see cref="Percentile(double, ReadOnlySpan{double}, ReadOnlySpan{double}, out double, out double)"/> with nothing
    /// replaced): where a replaced sample's reads are expected when few values change.</summary>
    public (int Lowest, int Highest) ReferenceReadRanks(double raw)
    {
        var quantiles = Plain.Quantiles;
        var lo = Plain.CountBelow(raw);
        var hi = lo;
        while (hi < quantiles.Count && quantiles[hi] <= raw)
        {
            hi++;
        }

        var (firstBelow, _) = Ranks(Math.Max(lo - 1, 0), sorted.Length);
        var (lastBelow, lastRemainder) = Ranks(Math.Min(Math.Max(lo, hi), quantileCount - 1), sorted.Length);
        return (firstBelow, lastRemainder == 0 ? lastBelow : lastBelow + 1);
    }


    private double Percentile(double raw, int n, ReadOnlySpan<double> removed, ReadOnlySpan<double> added, bool reads, out double lowestRead,
        out double highestRead)
    {
        var count = quantileCount;
        // lo = quantiles below raw, hi = quantiles at most raw: the first q_i ≥ raw and the first q_i > raw, searched
        // from where the reference's own quantiles put raw (the changed quantiles are a few ranks away at most).
        var guess = Plain.CountBelow(raw);
        var lo = FirstQuantile(raw, false, guess, n, removed, added);
        var qlo = lo < count ? QuantileAt(lo, n, removed, added) : double.NaN;
        var hi = lo < count && qlo == raw ? FirstQuantile(raw, true, lo, n, removed, added) : lo;
        // The bracket reads quantiles lo − 1 to max(lo, hi) (those that exist); their order statistics span these ranks.
        (lowestRead, highestRead) = (double.NaN, double.NaN);
        if (reads)
        {
            var (firstBelow, _) = Ranks(Math.Max(lo - 1, 0), n);
            var (lastBelow, lastRemainder) = Ranks(Math.Min(Math.Max(lo, hi), count - 1), n);
            lowestRead = OrderStatistic(firstBelow, removed, added);
            highestRead = OrderStatistic(lastRemainder == 0 ? lastBelow : lastBelow + 1, removed, added);
        }

        return hi == 0 || lo == count || hi > lo
            ? QuantileCalibration.FromBracket(lo, hi, count, 0, 0, raw)
            : QuantileCalibration.FromBracket(lo, hi, count, QuantileAt(lo - 1, n, removed, added), qlo, raw);
    }

    /// <summary>The first i with q_i ≥ raw (q_i &gt; raw when <paramref name="strict"/>), or the quantile count when there
    /// is none: a galloping search from <paramref name="guess"/> (the q_i do not decrease, so the answer is unique).</summary>
    private int FirstQuantile(double raw, bool strict, int guess, int n, ReadOnlySpan<double> removed, ReadOnlySpan<double> added)
    {
        var past = new QuantilePast(this, raw, strict, n, removed, added);
        return GallopSearch.FirstTrue(guess, quantileCount, ref past);
    }

    /// <summary>q_i ≥ raw (q_i &gt; raw when strict) for quantile i of the changed sample: monotone in i.</summary>
    private readonly ref struct QuantilePast(ReplacedSampleCalibration calibration, double raw, bool strict, int n, ReadOnlySpan<double> removed,
        ReadOnlySpan<double> added) : IMonotonePredicate
    {
        private readonly ReadOnlySpan<double> removed = removed;
        private readonly ReadOnlySpan<double> added = added;

        public bool Holds(int index)
        {
            var q = calibration.QuantileAt(index, n, removed, added);
            return strict ? q > raw : q >= raw;
        }
    }

    /// <summary>The count of values ≤ sorted[t] in the changed sample reaches j + 1: monotone in t.</summary>
    private readonly ref struct CountReaches(ReplacedSampleCalibration calibration, int j, ReadOnlySpan<double> removed, ReadOnlySpan<double> added)
        : IMonotonePredicate
    {
        private readonly ReadOnlySpan<double> removed = removed;
        private readonly ReadOnlySpan<double> added = added;

        public bool Holds(int index) =>
            calibration.runEnd[index] - QuantileCalibration.CountAtMost(removed, calibration.sorted[index])
            + QuantileCalibration.CountAtMost(added, calibration.sorted[index]) >= j + 1;
    }

    /// <summary><c>1 + 99·</c><see cref="Percentile(double, ReadOnlySpan{double}, ReadOnlySpan{double})"/>, as <see cref="QuantileCalibration.Score"/>.</summary>
    public double Score(double raw, ReadOnlySpan<double> removed, ReadOnlySpan<double> added) => 1.0 + (99.0 * Percentile(raw, removed, added));

    /// <summary>Quantile <paramref name="i"/> of the changed sample of <paramref name="n"/> values, as
    /// <see cref="QuantileCalibration.Fit"/> computes it.</summary>
    private double QuantileAt(int i, int n, ReadOnlySpan<double> removed, ReadOnlySpan<double> added)
    {
        var (below, remainder) = Ranks(i, n);
        var q = quantileCount - 1;
        return remainder == 0
            ? OrderStatistic(below, removed, added)
            : QuantileCalibration.Lerp(OrderStatistic(below, removed, added), OrderStatistic(below + 1, removed, added), (double)remainder / q);
    }

    /// <summary>Quantile <paramref name="i"/> of <paramref name="n"/> values sits at h = (n − 1)·i/(Q − 1): its integer
    /// part and the remainder of the division, as <see cref="QuantileCalibration.Fit"/> splits it.</summary>
    private (int Below, long Remainder) Ranks(int i, int n)
    {
        var q = quantileCount - 1;
        var scaled = (long)(n - 1) * i;
        return ((int)(scaled / q), scaled % q);
    }

    /// <summary>The <paramref name="j"/>-th smallest value (0-based) of (S \ removed) ∪ added.</summary>
    private double OrderStatistic(int j, ReadOnlySpan<double> removed, ReadOnlySpan<double> added)
    {
        var best = double.PositiveInfinity;
        // The smallest t whose value's count in the changed sample reaches j + 1. It is at most j + |removed| (the count at
        // t is at least t + 1 − |removed|), and usually just below: gallop down from there, then bisect. Searched over
        // 0..top only: top + 1 means no t up to top holds.
        var top = Math.Min(sorted.Length - 1, j + removed.Length);
        var reaches = new CountReaches(this, j, removed, added);
        var first = GallopSearch.FirstTrue(top, top + 1, ref reaches);
        if (first <= top)
        {
            best = sorted[first];
        }

        var low = 0;
        var high = added.Length;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            var y = added[mid];
            if (QuantileCalibration.CountAtMost(sorted, y) - QuantileCalibration.CountAtMost(removed, y) + QuantileCalibration.CountAtMost(added, y) >= j + 1)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low < added.Length ? Math.Min(best, added[low]) : best;
    }
}
