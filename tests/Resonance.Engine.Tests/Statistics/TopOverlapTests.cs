using CsCheck;
using Resonance.Engine.Statistics;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Statistics;

public sealed class TopOverlapTests
{
    [Fact]
    public void TopIndices_Ties_LowerIndexFirst()
    {
        // np.argsort(-np.array([1, 3, 3, 2, 3]), kind='stable') == [1, 2, 4, 3, 0]
        Assert.Equal([1, 2, 4, 3, 0], TopOverlap.TopIndices([1, 3, 3, 2, 3], 5));
        Assert.Equal([1, 2, 4], TopOverlap.TopIndices([1, 3, 3, 2, 3], 3));
        Assert.Equal([1, 2], TopOverlap.TopIndices([1, 3, 3, 2, 3], 2));
        Assert.Empty(TopOverlap.TopIndices([1, 3, 3, 2, 3], 0));
        Assert.Equal([0, 1, 2], TopOverlap.TopIndices([0.0, -0.0, 0.0], 3));
        Assert.Equal([3, 2, 0, 1], TopOverlap.TopIndices([0, double.NegativeInfinity, 1, double.PositiveInfinity], 4));
    }

    [Fact]
    public void TopIndices_RandomSamples_MatchStableLinqReference()
    {
        var gen = from values in StatisticsGens.Sample(0, 40)
                  from k in Gen.Int[0, values.Length]
                  select (values, k);
        FixedSeed.ForAll(gen, 400, 200_000, c =>
            Assert.Equal(StableTop(c.values, c.k), TopOverlap.TopIndices(c.values, c.k)));
    }

    [Fact]
    public void TopIndices_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TopOverlap.TopIndices([1, 2], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopOverlap.TopIndices([1, 2], -1));
        Assert.Throws<ArgumentException>(() => TopOverlap.TopIndices([1, double.NaN], 1));
    }

    [Fact]
    public void PrecisionAtFraction_KnownExample()
    {
        // n = 10, k = 3: predicted top {0, 1, 2}, actual top {1 (0.9), 3 (0.8), 9 (0.7)}, overlap {1}.
        double[] predicted = [0.9, 0.8, 0.7, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.0];
        double[] actual = [0.1, 0.9, 0.5, 0.8, 0.0, 0.0, 0.0, 0.0, 0.0, 0.7];
        Assert.Equal(1.0 / 3, TopOverlap.PrecisionAtFraction(predicted, actual, 0.3));
        // k = ⌊0.29 · 10⌋ = 2: {0, 1} against {1, 3}.
        Assert.Equal(0.5, TopOverlap.PrecisionAtFraction(predicted, actual, 0.29));
        // k = max(1, ⌊0.05 · 10⌋) = 1: {0} against {1}.
        Assert.Equal(0.0, TopOverlap.PrecisionAtFraction(predicted, actual, 0.05));
        Assert.Equal(1.0, TopOverlap.PrecisionAtFraction(predicted, actual, 1.0));
    }

    [Fact]
    public void PrecisionAtFraction_Ties_LowerIndexFirst()
    {
        // All predicted scores tie, so the predicted top 2 is {0, 1}.
        double[] predicted = [5, 5, 5, 5];
        Assert.Equal(1.0, TopOverlap.PrecisionAtFraction(predicted, [1, 1, 0, 0], 0.5));
        Assert.Equal(0.0, TopOverlap.PrecisionAtFraction(predicted, [0, 0, 1, 1], 0.5));
        Assert.Equal(0.5, TopOverlap.PrecisionAtFraction(predicted, [0, 1, 1, 0], 0.5));
        // Actual ties too: top 2 of [2, 3, 3, 3] is {1, 2}.
        Assert.Equal(0.5, TopOverlap.PrecisionAtFraction(predicted, [2, 3, 3, 3], 0.5));
    }

    [Fact]
    public void PrecisionAtFraction_RandomSamples_MatchSetReference()
    {
        var gen = from n in Gen.Int[1, 40]
                  from predicted in StatisticsGens.Value.Array[n]
                  from actual in StatisticsGens.Value.Array[n]
                  from fraction in Gen.Double[1e-6, 1.0]
                  select (predicted, actual, fraction);
        FixedSeed.ForAll(gen, 400, 210_000, c =>
        {
            var n = c.predicted.Length;
            var k = Math.Max(1, (int)Math.Floor(c.fraction * n));
            var common = StableTop(c.predicted, k).Intersect(StableTop(c.actual, k)).Count();
            Assert.Equal((double)common / k, TopOverlap.PrecisionAtFraction(c.predicted, c.actual, c.fraction));
            Assert.Equal(1.0, TopOverlap.PrecisionAtFraction(c.actual, c.actual, c.fraction));
        });
    }

    [Fact]
    public void PrecisionAtFraction_ReversedDistinctScores_HaveNoOverlapInTheTopHalf()
    {
        var predicted = Enumerable.Range(0, 10).Select(i => (double)i).ToArray();
        var actual = predicted.Select(v => -v).ToArray();
        Assert.Equal(0.0, TopOverlap.PrecisionAtFraction(predicted, actual, 0.5));
        // k = 6: {9, …, 4} against {0, …, 5} share {4, 5}.
        Assert.Equal(2.0 / 6, TopOverlap.PrecisionAtFraction(predicted, actual, 0.6));
    }

    [Fact]
    public void PrecisionAtFraction_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => TopOverlap.PrecisionAtFraction([1, 2], [1], 0.5));
        Assert.Throws<ArgumentException>(() => TopOverlap.PrecisionAtFraction([], [], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopOverlap.PrecisionAtFraction([1, 2], [1, 2], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopOverlap.PrecisionAtFraction([1, 2], [1, 2], 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopOverlap.PrecisionAtFraction([1, 2], [1, 2], double.NaN));
        Assert.Throws<ArgumentException>(() => TopOverlap.PrecisionAtFraction([1, double.NaN], [1, 2], 0.5));
    }

    /// <summary>LINQ's OrderByDescending is a stable sort, so equal values keep ascending index order.</summary>
    private static int[] StableTop(double[] values, int k) =>
        Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).Take(k).ToArray();
}
