using Resonance.Engine.Randomness;

namespace Resonance.Engine.Tests.Randomness;

public sealed class AliasTableTests
{
    [Fact]
    public void Sample_FixedSeed_FrequenciesFollowWeights()
    {
        double[] weights = [1, 2, 3, 4, 0, 10, 0.5];
        var table = new AliasTable(weights);
        var rng = new Xoshiro256StarStar(4242);
        const int draws = 205_000;
        var counts = new int[weights.Length];
        for (var i = 0; i < draws; i++)
        {
            counts[table.Sample(ref rng)]++;
        }
        Assert.Equal(0, counts[4]);
        var total = weights.Sum();
        var chi = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0)
            {
                var expected = draws * weights[i] / total;
                chi += (counts[i] - expected) * (counts[i] - expected) / expected;
            }
        }
        // 5 degrees of freedom; P(X > 20.52) = 0.001.
        Assert.True(chi < 20.52, $"chi-square {chi}: {string.Join(", ", counts)}");
    }

    [Fact]
    public void Sample_HeavyTailedWeights_MatchesSequentialCumulativeReference()
    {
        // Compare against a slow reference: binary search over the cumulative weights with an independent stream.
        var weights = new double[200];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = 1.0 / Math.Pow(i + 1, 1.2);
        }
        var cumulative = new double[weights.Length];
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i];
            cumulative[i] = running;
        }
        var table = new AliasTable(weights);
        var a = new Xoshiro256StarStar(1);
        var b = new Xoshiro256StarStar(2);
        const int draws = 300_000;
        var aliasCounts = new int[weights.Length];
        var referenceCounts = new int[weights.Length];
        for (var i = 0; i < draws; i++)
        {
            aliasCounts[table.Sample(ref a)]++;
            var index = Array.BinarySearch(cumulative, b.NextDouble() * running);
            referenceCounts[index >= 0 ? index + 1 : ~index]++;
        }
        for (var i = 0; i < 5; i++)
        {
            var p = weights[i] / running;
            var sd = Math.Sqrt(draws * p * (1 - p));
            Assert.True(Math.Abs(aliasCounts[i] - referenceCounts[i]) < 6 * sd * Math.Sqrt(2), $"index {i}: {aliasCounts[i]} vs {referenceCounts[i]}");
        }
    }

    [Fact]
    public void Sample_SingleWeight_AlwaysReturnsZero()
    {
        var table = new AliasTable([3.5]);
        var rng = new Xoshiro256StarStar(1);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(0, table.Sample(ref rng));
        }
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Constructor_InvalidWeights_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AliasTable([]));
        Assert.Throws<ArgumentException>(() => new AliasTable([0, 0]));
        Assert.Throws<ArgumentException>(() => new AliasTable([1, -1]));
        Assert.Throws<ArgumentException>(() => new AliasTable([1, double.NaN]));
    }
}
