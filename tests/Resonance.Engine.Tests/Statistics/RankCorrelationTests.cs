using CsCheck;
using Resonance.Engine.Statistics;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Statistics;

public sealed class RankCorrelationTests
{
    private static readonly Gen<(double[] X, double[] Y)> Pairs =
        from n in Gen.Int[0, 40]
        from x in StatisticsGens.Value.Array[n]
        from y in StatisticsGens.Value.Array[n]
        select (x, y);

    [Fact]
    public void AverageRanks_KnownExamples_AreMidRanks()
    {
        Assert.Equal([2, 3.5, 3.5, 1], RankCorrelation.AverageRanks([10, 20, 20, 5]));
        Assert.Equal([2, 2, 2], RankCorrelation.AverageRanks([7, 7, 7]));
        Assert.Equal([1.5, 1.5, 3], RankCorrelation.AverageRanks([-0.0, 0.0, double.PositiveInfinity]));
        Assert.Empty(RankCorrelation.AverageRanks([]));
    }

    [Fact]
    public void AverageRanks_RandomSamples_MatchCountingReference()
    {
        FixedSeed.ForAll(StatisticsGens.Sample(0, 40), 400, 100_000, x =>
            Assert.Equal(CountingRanks(x), RankCorrelation.AverageRanks(x)));
    }

    [Fact]
    public void AverageRanks_NaN_Throws()
    {
        Assert.Throws<ArgumentException>(() => RankCorrelation.AverageRanks([1, double.NaN, 2]));
    }

    [Fact]
    public void Spearman_ScipyDocumentationExample_Matches()
    {
        // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]).statistic; by hand: ranks of y are
        // [1, 2, 3.5, 5, 3.5], so rho = 8 / √(10 · 9.5).
        var rho = RankCorrelation.Spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]);
        Assert.Equal(0.8207826816681233, rho, 1e-15);
        Assert.Equal(8 / Math.Sqrt(95), rho, 1e-15);
    }

    [Fact]
    public void Spearman_RandomSamples_MatchesNaiveReference()
    {
        FixedSeed.ForAll(Pairs, 500, 110_000, c =>
        {
            var expected = NaiveSpearman(c.X, c.Y);
            var actual = RankCorrelation.Spearman(c.X, c.Y);
            if (double.IsNaN(expected))
            {
                Assert.True(double.IsNaN(actual), $"expected NaN, got {actual}");
            }
            else
            {
                Assert.Equal(expected, actual, 1e-12);
                Assert.InRange(actual, -1.0, 1.0);
            }
        });
    }

    [Fact]
    public void Spearman_IsSymmetric()
    {
        FixedSeed.ForAll(Pairs, 300, 120_000, c =>
        {
            var xy = RankCorrelation.Spearman(c.X, c.Y);
            var yx = RankCorrelation.Spearman(c.Y, c.X);
            Assert.Equal(BitConverter.DoubleToInt64Bits(xy), BitConverter.DoubleToInt64Bits(yx));
        });
    }

    [Fact]
    public void Spearman_MonotoneAndAntiMonotoneMaps_AreExactlyPlusMinusOne()
    {
        // Integer samples with ties; x³ + x and −exp(x/10) are strictly monotone and exact enough to keep values distinct.
        var gen = from n in Gen.Int[2, 60]
                  from x in Gen.Int[-50, 50].Select(i => (double)i).Array[n]
                  select x;
        FixedSeed.ForAll(gen, 400, 130_000, x =>
        {
            var increasing = x.Select(v => (v * v * v) + v).ToArray();
            var decreasing = x.Select(v => -Math.Exp(v / 10)).ToArray();
            if (x.Distinct().Count() < 2)
            {
                Assert.True(double.IsNaN(RankCorrelation.Spearman(x, increasing)));
                return;
            }
            Assert.Equal(1.0, RankCorrelation.Spearman(x, x));
            Assert.Equal(1.0, RankCorrelation.Spearman(x, increasing));
            Assert.Equal(-1.0, RankCorrelation.Spearman(x, decreasing));
            Assert.Equal(-1.0, RankCorrelation.Spearman(decreasing, increasing));
        });
    }

    [Fact]
    public void Spearman_DistinctReversed_IsExactlyMinusOne()
    {
        double[] x = [0.3, 1.7, -2.5, 9.0, 4.4, 0.0];
        Assert.Equal(-1.0, RankCorrelation.Spearman(x, x.Select(v => -v).ToArray()));
        Assert.Equal(1.0, RankCorrelation.Spearman(x, x.Select(Math.Exp).ToArray()));
    }

    [Fact]
    public void Spearman_ConstantOrShort_IsNaN()
    {
        Assert.True(double.IsNaN(RankCorrelation.Spearman([], [])));
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1], [2])));
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1, 2, 3], [5, 5, 5])));
        Assert.True(double.IsNaN(RankCorrelation.Spearman([4, 4, 4], [1, 2, 3])));
    }

    [Fact]
    public void Spearman_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman([1, 2, 3], [1, 2]));
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman([1, double.NaN, 3], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman([1, 2, 3], [1, 2, double.NaN]));
    }

    /// <summary>Mid-ranks by counting: rank(v) = #{w &lt; v} + (#{w = v} + 1)/2. O(n²), independent of any sort.</summary>
    private static double[] CountingRanks(double[] values)
    {
        var ranks = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            int less = 0, equal = 0;
            foreach (var w in values)
            {
                if (w < values[i])
                {
                    less++;
                }
                else if (w == values[i])
                {
                    equal++;
                }
            }
            ranks[i] = less + ((equal + 1) / 2.0);
        }
        return ranks;
    }

    /// <summary>The textbook one-pass Pearson formula on counting ranks: (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)).</summary>
    private static double NaiveSpearman(double[] x, double[] y)
    {
        var n = x.Length;
        if (n < 2)
        {
            return double.NaN;
        }
        var rx = CountingRanks(x);
        var ry = CountingRanks(y);
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sx += rx[i];
            sy += ry[i];
            sxx += rx[i] * rx[i];
            syy += ry[i] * ry[i];
            sxy += rx[i] * ry[i];
        }
        // Ranks are half-integers and n ≤ 60, so every sum here is exact and a constant sample gives exactly 0/0 = NaN.
        var varianceX = (n * sxx) - (sx * sx);
        var varianceY = (n * syy) - (sy * sy);
        return varianceX == 0 || varianceY == 0 ? double.NaN : ((n * sxy) - (sx * sy)) / Math.Sqrt(varianceX * varianceY);
    }
}
