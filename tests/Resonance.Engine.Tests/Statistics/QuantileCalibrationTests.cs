using CsCheck;
using Resonance.Engine.Randomness;
using Resonance.Engine.Statistics;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Statistics;

public sealed class QuantileCalibrationTests
{
    [Fact]
    public void Fit_KnownSample_MatchesNumpyLinearQuantiles()
    {
        // np.quantile([4, 1, 3, 2], [0, .25, .5, .75, 1]) == [1, 1.75, 2.5, 3.25, 4]
        var calibration = QuantileCalibration.Fit([4, 1, 3, 2], 5);
        Assert.Equal([1, 1.75, 2.5, 3.25, 4], calibration.Quantiles);
        Assert.Equal(QuantileCalibration.DefaultQuantileCount, QuantileCalibration.Fit([4, 1, 3, 2]).Quantiles.Count);
        Assert.Equal([7, 7, 7], QuantileCalibration.Fit([7], 3).Quantiles);
    }

    [Fact]
    public void Fit_RandomSamples_MatchesFloatingPointNumpyReference()
    {
        var gen = from raws in StatisticsGens.Sample(1, 60)
                  from count in Gen.OneOf(Gen.Int[2, 80], Gen.Const(QuantileCalibration.DefaultQuantileCount))
                  select (raws, count);
        FixedSeed.ForAll(gen, 300, 300_000, c =>
        {
            var expected = NumpyLinearQuantiles(c.raws, c.count);
            var quantiles = QuantileCalibration.Fit(c.raws, c.count).Quantiles;
            Assert.Equal(c.count, quantiles.Count);
            for (var i = 0; i < c.count; i++)
            {
                Assert.Equal(expected[i], quantiles[i], 1e-9);
                if (i > 0)
                {
                    Assert.True(quantiles[i - 1] <= quantiles[i], $"quantile {i} decreases");
                }
            }
            Assert.Equal(c.raws.Min(), quantiles[0]);
            Assert.Equal(c.raws.Max(), quantiles[^1]);
        });
    }

    [Fact]
    public void Fit_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => QuantileCalibration.Fit([]));
        Assert.Throws<ArgumentException>(() => QuantileCalibration.Fit([1, double.NaN]));
        Assert.Throws<ArgumentException>(() => QuantileCalibration.Fit([1, double.PositiveInfinity]));
        Assert.Throws<ArgumentException>(() => QuantileCalibration.Fit([double.NegativeInfinity, 1]));
        Assert.ThrowsAny<ArgumentException>(() => QuantileCalibration.Fit([1, 2], 1));
    }

    [Fact]
    public void Constructor_InvalidQuantiles_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new QuantileCalibration(null!));
        Assert.Throws<ArgumentException>(() => new QuantileCalibration([1]));
        Assert.Throws<ArgumentException>(() => new QuantileCalibration([1, double.NaN]));
        Assert.Throws<ArgumentException>(() => new QuantileCalibration([1, double.PositiveInfinity]));
        Assert.Throws<ArgumentException>(() => new QuantileCalibration([1, 3, 2]));
    }

    [Fact]
    public void Constructor_CopiesTheArray()
    {
        double[] quantiles = [0, 1, 2, 3, 4];
        var calibration = new QuantileCalibration(quantiles);
        quantiles[1] = 3.5;
        Assert.Equal(0.125, calibration.Percentile(0.5));
        Assert.Equal([0, 1, 2, 3, 4], calibration.Quantiles);
    }

    [Theory]
    [InlineData(double.NegativeInfinity, 0)]
    [InlineData(-1, 0)]
    [InlineData(0, 0)]
    [InlineData(0.5, 0.125)]
    [InlineData(2, 0.5)]
    [InlineData(3.5, 0.875)]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(double.PositiveInfinity, 1)]
    public void Percentile_DistinctQuantiles_InterpolatesLinearly(double raw, double expected)
    {
        var calibration = new QuantileCalibration([0, 1, 2, 3, 4]);
        Assert.Equal(expected, calibration.Percentile(raw));
        Assert.Equal(1 + (99 * expected), calibration.Score(raw));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.5, 0.125)]
    [InlineData(1, 0.5)] // plateau at indices 1..3: midpoint 2/4
    [InlineData(1.5, 0.875)]
    [InlineData(2, 1)]
    public void Percentile_InnerPlateau_ReturnsItsMidpoint(double raw, double expected)
    {
        Assert.Equal(expected, new QuantileCalibration([0, 1, 1, 1, 2]).Percentile(raw));
    }

    [Theory]
    [InlineData(2.9, 0)]
    [InlineData(3, 1.0 / 3)] // plateau at indices 0..2: midpoint 1/3
    [InlineData(4, 2.5 / 3)]
    [InlineData(5, 1)]
    [InlineData(5.1, 1)]
    public void Percentile_PlateauAtTheBottom_ReturnsItsMidpoint(double raw, double expected)
    {
        Assert.Equal(expected, new QuantileCalibration([3, 3, 3, 5]).Percentile(raw), 1e-15);
    }

    [Fact]
    public void Percentile_ArithmeticSample_IsTheLinearCdf()
    {
        // For the sample 0, 1, …, N−1 the linear quantile function is p ↦ (N − 1)·p, so its inverse is x ↦ x/(N − 1).
        const int n = 2000;
        var calibration = QuantileCalibration.Fit(Enumerable.Range(0, n).Select(i => (double)i).Reverse().ToArray());
        var rng = new Xoshiro256StarStar(77);
        for (var i = 0; i < 2000; i++)
        {
            var raw = rng.NextDouble() * (n - 1);
            Assert.Equal(raw / (n - 1), calibration.Percentile(raw), 1e-12);
        }
    }

    [Fact]
    public void Percentile_LargeUniformSample_TracksTheEmpiricalCdf()
    {
        // The stored map differs from the empirical CDF by at most one quantile step (1/1000) plus O(1/n).
        const int n = 20_000;
        var rng = new Xoshiro256StarStar(99);
        var raws = new double[n];
        for (var i = 0; i < n; i++)
        {
            raws[i] = Math.Pow(rng.NextDouble(), 3) * 50;
        }
        var calibration = QuantileCalibration.Fit(raws);
        var sorted = raws.Order().ToArray();
        for (var i = 0; i < 500; i++)
        {
            var raw = rng.NextDouble() * 55;
            var index = Array.BinarySearch(sorted, raw);
            var ecdf = (double)(index >= 0 ? index + 1 : ~index) / n;
            Assert.Equal(ecdf, calibration.Percentile(raw), 1.0 / 1000 + 2.0 / n);
        }
    }

    [Fact]
    public void Percentile_RandomQuantiles_MatchesLinearScanReference()
    {
        var gen = from raws in StatisticsGens.Sample(1, 40)
                  from count in Gen.Int[2, 30]
                  from probes in Probe.Array[20]
                  select (raws, count, probes);
        FixedSeed.ForAll(gen, 300, 310_000, c =>
        {
            var calibration = QuantileCalibration.Fit(c.raws, c.count);
            var quantiles = calibration.Quantiles.ToArray();
            foreach (var raw in c.probes.Concat(quantiles))
            {
                Assert.Equal(LinearScanPercentile(quantiles, raw), calibration.Percentile(raw), 1e-14);
            }
        });
    }

    [Fact]
    public void PercentileAndScore_RandomPairs_AreMonotoneAndBounded()
    {
        var gen = from raws in StatisticsGens.Sample(1, 60)
                  from count in Gen.OneOf(Gen.Int[2, 50], Gen.Const(QuantileCalibration.DefaultQuantileCount))
                  from pairs in Gen.Select(Probe, Probe).Array[30]
                  select (raws, count, pairs);
        FixedSeed.ForAll(gen, 300, 320_000, c =>
        {
            var calibration = QuantileCalibration.Fit(c.raws, c.count);
            foreach (var (x, y) in c.pairs)
            {
                var (a, b) = x <= y ? (x, y) : (y, x);
                Assert.True(calibration.Percentile(a) <= calibration.Percentile(b), $"Percentile({a}) > Percentile({b})");
                Assert.True(calibration.Score(a) <= calibration.Score(b), $"Score({a}) > Score({b})");
                Assert.InRange(calibration.Score(a), 1.0, 100.0);
                Assert.InRange(calibration.Percentile(b), 0.0, 1.0);
            }
        });
    }

    [Fact]
    public void Percentile_SweepAcrossEveryQuantileAndItsNeighbours_IsMonotone()
    {
        var gen = from raws in StatisticsGens.Sample(1, 60)
                  from count in Gen.OneOf(Gen.Int[2, 50], Gen.Const(QuantileCalibration.DefaultQuantileCount))
                  select (raws, count);
        FixedSeed.ForAll(gen, 200, 330_000, c =>
        {
            var calibration = QuantileCalibration.Fit(c.raws, c.count);
            var q = calibration.Quantiles;
            var probes = q.SelectMany(v => new[] { Math.BitDecrement(v), v, Math.BitIncrement(v) })
                .Concat(q.Zip(q.Skip(1), (a, b) => (a / 2) + (b / 2)))
                .Order()
                .ToArray();
            var previous = 0.0;
            foreach (var raw in probes)
            {
                var p = calibration.Percentile(raw);
                Assert.True(p >= previous, $"Percentile({raw}) = {p} < {previous}");
                previous = p;
            }
            Assert.Equal(0.0, calibration.Percentile(Math.BitDecrement(q[0])));
            Assert.Equal(1.0, calibration.Percentile(Math.BitIncrement(q[^1])));
        });
    }

    [Fact]
    public void Percentile_DistinctQuantiles_EndsAreZeroAndOne()
    {
        var gen = from raws in Gen.Double[-1000, 1000].Array[2, 60]
                  from count in Gen.Int[2, 50]
                  select (raws, count);
        var checkedCases = 0;
        FixedSeed.ForAll(gen, 200, 340_000, c =>
        {
            var calibration = QuantileCalibration.Fit(c.raws, c.count);
            var q = calibration.Quantiles;
            if (q.Zip(q.Skip(1)).All(p => p.First < p.Second))
            {
                checkedCases++;
                Assert.Equal(0.0, calibration.Percentile(q[0]));
                Assert.Equal(1.0, calibration.Percentile(q[^1]));
                Assert.Equal(1.0, calibration.Score(c.raws.Min()));
                Assert.Equal(100.0, calibration.Score(c.raws.Max()));
            }
        });
        Assert.True(checkedCases > 150, $"only {checkedCases} cases had distinct quantiles");
    }

    [Fact]
    public void Constructor_RoundTripThroughQuantiles_GivesIdenticalScores()
    {
        var gen = from raws in StatisticsGens.Sample(1, 60)
                  from count in Gen.OneOf(Gen.Int[2, 50], Gen.Const(QuantileCalibration.DefaultQuantileCount))
                  from probes in Probe.Array[30]
                  select (raws, count, probes);
        FixedSeed.ForAll(gen, 200, 350_000, c =>
        {
            var fitted = QuantileCalibration.Fit(c.raws, c.count);
            var rebuilt = new QuantileCalibration(fitted.Quantiles.ToArray());
            Assert.Equal(fitted.Quantiles, rebuilt.Quantiles);
            foreach (var raw in c.probes.Concat(c.raws))
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(fitted.Score(raw)), BitConverter.DoubleToInt64Bits(rebuilt.Score(raw)));
            }
        });
    }

    [Fact]
    public void PercentileAndScore_NaN_Throws()
    {
        var calibration = new QuantileCalibration([0, 1]);
        Assert.Throws<ArgumentException>(() => calibration.Percentile(double.NaN));
        Assert.Throws<ArgumentException>(() => calibration.Score(double.NaN));
    }

    /// <summary>Raw values to look up: on the tie grid, on half steps between it, or anywhere slightly beyond the sample range.</summary>
    private static readonly Gen<double> Probe = Gen.OneOf(
        Gen.Int[-10, 10].Select(i => i / 2.0),
        Gen.Double[-1100, 1100],
        Gen.OneOf(Gen.Const(double.NegativeInfinity), Gen.Const(double.PositiveInfinity)));

    /// <summary>numpy's 'linear' method as written in numpy: h = (n − 1)·p in floating point, then interpolate.</summary>
    private static double[] NumpyLinearQuantiles(double[] raws, int count)
    {
        var sorted = raws.Order().ToArray();
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            var h = (sorted.Length - 1) * ((double)i / (count - 1));
            var below = (int)Math.Floor(h);
            var above = Math.Min((int)Math.Ceiling(h), sorted.Length - 1);
            result[i] = sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
        }
        return result;
    }

    /// <summary>The percentile by walking the quantiles: the mean index of the quantiles equal to raw, or the
    /// fractional index between the two that bracket it, over Q.</summary>
    private static double LinearScanPercentile(double[] q, double raw)
    {
        var last = q.Length - 1;
        var equal = Enumerable.Range(0, q.Length).Where(i => q[i] == raw).ToArray();
        if (equal.Length > 0)
        {
            return equal.Average() / last;
        }
        if (raw < q[0])
        {
            return 0;
        }
        for (var i = 0; i < last; i++)
        {
            if (q[i] < raw && raw < q[i + 1])
            {
                return (i + ((raw - q[i]) / (q[i + 1] - q[i]))) / last;
            }
        }
        return 1;
    }
}
