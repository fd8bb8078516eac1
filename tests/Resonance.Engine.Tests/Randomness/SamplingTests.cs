using Resonance.Engine.Randomness;

namespace Resonance.Engine.Tests.Randomness;

public sealed class SamplingTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(4.0)]
    [InlineData(9.99)]
    [InlineData(10.0)]
    [InlineData(37.5)]
    [InlineData(2500.0)]
    public void Poisson_FixedSeed_MeanAndVarianceMatch(double mean)
    {
        var rng = new Xoshiro256StarStar(1001);
        const int draws = 100_000;
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < draws; i++)
        {
            int k = Sampling.Poisson(ref rng, mean);
            Assert.True(k >= 0);
            sum += k;
            sumSquares += (double)k * k;
        }
        var m = sum / draws;
        var variance = (sumSquares / draws) - (m * m);
        // Standard error of the mean is sqrt(mean / draws); allow 6 of them. The variance is checked to 5 %.
        var tolerance = 6 * Math.Sqrt(mean / draws);
        Assert.InRange(m, mean - tolerance, mean + tolerance);
        Assert.InRange(variance, mean * 0.95, mean * 1.05);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(37.5)]
    public void FillPoisson_GivesTheDrawsOfPoissonOneByOne(double mean)
    {
        var one = new Xoshiro256StarStar(77);
        var fill = new Xoshiro256StarStar(77);
        var expected = new int[10_000];
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] = Sampling.Poisson(ref one, mean);
        }
        var actual = new int[expected.Length];
        actual.AsSpan().Fill(-1);
        Sampling.FillPoisson(ref fill, mean, actual);
        Assert.Equal(expected, actual);
        Assert.Equal(one.NextUInt64(), fill.NextUInt64()); // the same generator outputs were consumed
    }

    [Fact]
    public void Poisson_SmallMean_MatchesProbabilityOfZero()
    {
        var rng = new Xoshiro256StarStar(3);
        const int draws = 100_000;
        var zeros = 0;
        for (var i = 0; i < draws; i++)
        {
            if (Sampling.Poisson(ref rng, 1.5) == 0)
            {
                zeros++;
            }
        }
        Assert.InRange(zeros / (double)draws, Math.Exp(-1.5) - 0.006, Math.Exp(-1.5) + 0.006);
    }

    [Fact]
    public void Poisson_ZeroMean_ReturnsZero_AndNegativeMeanThrows()
    {
        var rng = new Xoshiro256StarStar(3);
        Assert.Equal(0, Sampling.Poisson(ref rng, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampling.Poisson(ref rng, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampling.Poisson(ref rng, double.NaN));
    }

    [Fact]
    public void LogFactorial_SmallAndLarge_MatchesSumOfLogarithms()
    {
        var exact = 0.0;
        for (var k = 0; k <= 300; k++)
        {
            if (k > 0)
            {
                exact += Math.Log(k);
            }
            Assert.True(Math.Abs(Sampling.LogFactorial(k) - exact) < 1e-9 * Math.Max(1, exact), $"ln({k}!) = {Sampling.LogFactorial(k)}, expected {exact}");
        }
    }

    [Fact]
    public void Exponential_FixedSeed_MeanMatchesAndValuesNonNegative()
    {
        var rng = new Xoshiro256StarStar(8);
        const int draws = 100_000;
        var sum = 0.0;
        for (var i = 0; i < draws; i++)
        {
            var x = Sampling.Exponential(ref rng, 3.0);
            Assert.True(x >= 0);
            sum += x;
        }
        Assert.InRange(sum / draws, 2.95, 3.05);
    }

    [Fact]
    public void Normal_FixedSeed_MomentsMatch()
    {
        var rng = new Xoshiro256StarStar(12);
        const int draws = 200_000;
        double sum = 0, sumSquares = 0;
        var withinOneSigma = 0;
        for (var i = 0; i < draws; i++)
        {
            var x = Sampling.Normal(ref rng, 5.0, 2.0);
            sum += x;
            sumSquares += x * x;
            if (Math.Abs(x - 5.0) < 2.0)
            {
                withinOneSigma++;
            }
        }
        var mean = sum / draws;
        Assert.InRange(mean, 4.98, 5.02);
        Assert.InRange(Math.Sqrt((sumSquares / draws) - (mean * mean)), 1.98, 2.02);
        Assert.InRange(withinOneSigma / (double)draws, 0.6827 - 0.005, 0.6827 + 0.005);
    }

    [Fact]
    public void LogNormalUnitMean_FixedSeed_MeanIsOneAndMedianBelowOne()
    {
        var rng = new Xoshiro256StarStar(13);
        const int draws = 200_000;
        var values = new double[draws];
        for (var i = 0; i < draws; i++)
        {
            values[i] = Sampling.LogNormalUnitMean(ref rng, 0.8);
        }
        Assert.InRange(values.Average(), 0.98, 1.02);
        Array.Sort(values);
        Assert.InRange(values[draws / 2], Math.Exp(-0.32) - 0.01, Math.Exp(-0.32) + 0.01);
    }

    [Fact]
    public void Pareto_FixedSeed_RespectsMinimumAndMedian()
    {
        var rng = new Xoshiro256StarStar(14);
        const int draws = 100_000;
        var values = new double[draws];
        for (var i = 0; i < draws; i++)
        {
            values[i] = Sampling.Pareto(ref rng, 2.0, 1.5);
        }
        Array.Sort(values);
        Assert.True(values[0] >= 2.0);
        // Median of Pareto(xm, a) is xm · 2^(1/a).
        Assert.InRange(values[draws / 2], 2.0 * Math.Pow(2, 1 / 1.5) * 0.98, 2.0 * Math.Pow(2, 1 / 1.5) * 1.02);
        Assert.True(values[^1] > 100 * values[draws / 2], "a power law should have a heavy tail");
    }

    [Fact]
    public void Bernoulli_FixedSeed_FrequencyMatches()
    {
        var rng = new Xoshiro256StarStar(15);
        var hits = 0;
        for (var i = 0; i < 100_000; i++)
        {
            if (Sampling.Bernoulli(ref rng, 0.2))
            {
                hits++;
            }
        }
        Assert.InRange(hits, 19_250, 20_750);
    }

    [Fact]
    public void Draws_InvalidParameters_Throw()
    {
        var rng = new Xoshiro256StarStar(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampling.Exponential(ref rng, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampling.Normal(ref rng, 0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampling.Pareto(ref rng, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampling.Pareto(ref rng, double.PositiveInfinity, 1));
    }
}
