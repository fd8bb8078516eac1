namespace Resonance.Engine.Statistics;

/// <summary>A monotone map from a raw score to a 1–100 scale: the empirical CDF of a reference sample, stored as quantiles.</summary>
/// <remarks>
/// <para>Method: <see cref="Fit"/> sorts the reference raws and stores Q + 1 quantiles at the probabilities
/// <c>p_i = i/Q</c>, i = 0..Q, each by linear interpolation between order statistics: <c>h = (n − 1)·p_i</c>,
/// <c>q_i = x_(⌊h⌋) + (h − ⌊h⌋)·(x_(⌊h⌋+1) − x_(⌊h⌋))</c> (0-based order statistics). This is definition 7 of
/// Hyndman and Fan [1], the default of R's <c>quantile</c> and numpy's <c>quantile(method='linear')</c>; ⌊h⌋ and
/// h − ⌊h⌋ are computed exactly in integer arithmetic, and each value is clamped to its two order statistics so the
/// quantiles are non-decreasing despite rounding.</para>
/// <para><see cref="Percentile"/> inverts that piecewise-linear quantile function: below the first quantile it is 0,
/// above the last 1, strictly between two distinct adjacent quantiles it interpolates linearly between their
/// probabilities, and on a value equal to one or more quantiles (a plateau of tied quantiles) it returns the middle
/// of the plateau's probabilities, so a heavily tied raw value maps to the midpoint of its share rather than to one
/// end. The result is monotone non-decreasing in the raw value. <see cref="Score"/> is <c>1 + 99·percentile</c>.
/// Storing Q + 1 quantiles (1001 by default) instead of the sample keeps the map small and reproducible: it can be
/// persisted and rebuilt with <see cref="QuantileCalibration(double[])"/>, giving identical scores.</para>
/// <para>Complexity: O(n log n) time and O(n + Q) memory to fit; O(log Q) time per lookup (one binary search, a second only when the raw value ties a quantile).</para>
/// <para>Determinism: the quantiles depend only on the multiset of raw values and Q, and a lookup only on the
/// quantiles and the raw value; no state changes after construction, so instances are safe to share across threads.</para>
/// <para>References:
/// [1] Hyndman, Fan (1996). Sample quantiles in statistical packages. The American Statistician 50(4):361–365.
///     doi:10.1080/00031305.1996.10473566</para>
/// </remarks>
public sealed class QuantileCalibration
{
    /// <summary>The default number of stored quantiles: every 0.1 percentage point from 0 to 100.</summary>
    public const int DefaultQuantileCount = 1001;

    private readonly double[] _quantiles;

    /// <summary>Rebuilds a calibration from quantiles previously taken from <see cref="Quantiles"/>.</summary>
    /// <param name="quantiles">At least two finite, non-decreasing values at equally spaced probabilities 0..1; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="quantiles"/> is null.</exception>
    /// <exception cref="ArgumentException">There are fewer than two quantiles, one is not finite, or they decrease.</exception>
    public QuantileCalibration(double[] quantiles)
    {
        ArgumentNullException.ThrowIfNull(quantiles);
        if (quantiles.Length < 2)
        {
            throw new ArgumentException($"A calibration needs at least two quantiles, but there are {quantiles.Length}.", nameof(quantiles));
        }
        for (var i = 0; i < quantiles.Length; i++)
        {
            if (!double.IsFinite(quantiles[i]))
            {
                throw new ArgumentException($"Quantile {i} must be finite, but it is {quantiles[i]}.", nameof(quantiles));
            }
            if (i > 0 && quantiles[i] < quantiles[i - 1])
            {
                throw new ArgumentException($"Quantiles must be non-decreasing, but quantile {i} ({quantiles[i]}) is below quantile {i - 1} ({quantiles[i - 1]}).", nameof(quantiles));
            }
        }
        _quantiles = (double[])quantiles.Clone();
        Quantiles = Array.AsReadOnly(_quantiles);
    }

    /// <summary>The stored quantiles: element i is the reference quantile at probability i/(Count − 1).</summary>
    public IReadOnlyList<double> Quantiles { get; }

    /// <summary>Fits a calibration to a reference sample of raw scores.</summary>
    /// <param name="raws">The reference raw scores; at least one, all finite. Not modified.</param>
    /// <param name="quantileCount">How many quantiles to store, at least 2.</param>
    /// <returns>The calibration.</returns>
    /// <exception cref="ArgumentException"><paramref name="raws"/> is empty or holds a NaN or infinite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantileCount"/> is below 2.</exception>
    public static QuantileCalibration Fit(ReadOnlySpan<double> raws, int quantileCount = DefaultQuantileCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantileCount, 2);
        var n = raws.Length;
        if (n == 0)
        {
            throw new ArgumentException("A calibration needs at least one reference raw score.", nameof(raws));
        }
        var sorted = raws.ToArray();
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(sorted[i]))
            {
                throw new ArgumentException($"Raw score {i} must be finite, but it is {sorted[i]}.", nameof(raws));
            }
        }
        Array.Sort(sorted);
        var q = quantileCount - 1;
        var quantiles = new double[quantileCount];
        for (var i = 0; i < quantileCount; i++)
        {
            // h = (n − 1)·i/q, split exactly into its integer part and remainder.
            var scaled = (long)(n - 1) * i;
            var below = (int)(scaled / q);
            var remainder = scaled % q;
            quantiles[i] = remainder == 0 ? sorted[below] : Lerp(sorted[below], sorted[below + 1], (double)remainder / q);
        }
        return new QuantileCalibration(quantiles);
    }

    /// <summary>Returns the reference percentile of <paramref name="raw"/>, in [0, 1], monotone non-decreasing in <paramref name="raw"/>.</summary>
    /// <param name="raw">The raw score; infinities map to 0 and 1.</param>
    /// <returns>0 below the first quantile, 1 above the last, the midpoint of the tied quantiles' probabilities on a
    /// value equal to one or more quantiles, and a linear interpolation between adjacent quantiles otherwise.</returns>
    /// <exception cref="ArgumentException"><paramref name="raw"/> is NaN.</exception>
    public double Percentile(double raw)
    {
        if (double.IsNaN(raw))
        {
            throw new ArgumentException("The raw score is NaN.", nameof(raw));
        }
        var q = _quantiles;
        var lo = CountBelow(q, raw);
        // Quantiles from lo on are ≥ raw, so those ≤ raw are a (usually empty) run of ties starting at lo.
        var hi = lo < q.Length && q[lo] == raw ? CountAtMost(q, raw, lo) : lo;
        return hi == 0 || lo == q.Length || hi > lo ? FromBracket(lo, hi, q.Length, 0, 0, raw) : FromBracket(lo, hi, q.Length, q[lo - 1], q[lo], raw);
    }

    /// <summary>The percentile of <paramref name="raw"/> given <paramref name="lo"/> quantiles below it and
    /// <paramref name="hi"/> at most it, out of <paramref name="count"/>; <paramref name="a"/> and <paramref name="b"/> are
    /// quantiles lo − 1 and lo when raw lies strictly between them (read only then). Shared with
    /// <see cref="ReplacedSampleCalibration"/> so that both give the same bits.</summary>
    internal static double FromBracket(int lo, int hi, int count, double a, double b, double raw)
    {
        var last = count - 1;
        if (hi == 0)
        {
            return 0.0;
        }
        if (lo == count)
        {
            return 1.0;
        }
        if (hi > lo)
        {
            return (lo + hi - 1) / 2.0 / last;
        }
        // Here q[lo − 1] = a < raw < b = q[lo].
        var t = (raw - a) / (b - a);
        if (!double.IsFinite(t))
        {
            // The differences overflowed (quantiles near ±double.MaxValue); halving everything keeps the ratio.
            t = ((raw * 0.5) - (a * 0.5)) / ((b * 0.5) - (a * 0.5));
        }
        return (lo - 1 + Math.Clamp(t, 0.0, 1.0)) / last;
    }

    /// <summary>The number of stored quantiles below <paramref name="raw"/>.</summary>
    internal int CountBelow(double raw) => CountBelow(_quantiles, raw);

    /// <summary>Returns the calibrated score <c>1 + 99·</c><see cref="Percentile"/>, in [1, 100].</summary>
    /// <param name="raw">The raw score; not NaN.</param>
    /// <returns>The score, monotone non-decreasing in <paramref name="raw"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="raw"/> is NaN.</exception>
    public double Score(double raw) => 1.0 + (99.0 * Percentile(raw));

    /// <summary>Interpolates between a ≤ b at t in (0, 1), clamped to [a, b] so rounding cannot break monotonicity.</summary>
    internal static double Lerp(double a, double b, double t)
    {
        var value = a + ((b - a) * t);
        if (!double.IsFinite(value))
        {
            value = (a * (1 - t)) + (b * t);
        }
        return Math.Clamp(value, a, b);
    }

    /// <summary>Counts the sorted values below <paramref name="x"/>: a binary search whose step is a conditional move
    /// rather than a branch (the comparisons of a bootstrap's lookups are unpredictable), with the same result.</summary>
    private static int CountBelow(double[] sorted, double x)
    {
        var first = 0;
        var length = sorted.Length;
        while (length > 1)
        {
            // The answer lies in [first, first + length]; a value below x at first + half moves it past first + half.
            var half = length >> 1;
            first = sorted[first + half] < x ? first + half : first;
            length -= half;
        }
        return length == 1 && sorted[first] < x ? first + 1 : first;
    }

    /// <summary>Counts the sorted values at most <paramref name="x"/>, given that the first <paramref name="start"/> are.</summary>
    internal static int CountAtMost(ReadOnlySpan<double> sorted, double x, int start = 0)
    {
        int low = start, high = sorted.Length;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (sorted[mid] <= x)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }
}
