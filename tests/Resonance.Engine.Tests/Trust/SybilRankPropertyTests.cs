using CsCheck;
using Resonance.Engine.Graphs;
using Resonance.Engine.Randomness;
using Resonance.Engine.Statistics;
using Resonance.Engine.Tests.Graphs;
using Resonance.Engine.Trust;

namespace Resonance.Engine.Tests.Trust;

public sealed class SybilRankPropertyTests
{
    private static readonly Gen<Case> Cases =
        from list in EdgeLists.Random(12, 40, weighted: true)
        from order in Gen.Shuffle(Enumerable.Range(0, list.NodeCount).ToArray())
        from seedCount in Gen.Int[1, list.NodeCount]
        from iterations in Gen.Int[0, 12]
        from total in Gen.Int[1, 1000]
        from weighted in Gen.Bool
        from forward in Gen.Bool
        select new Case(list, order[..seedCount], iterations, total, weighted, forward ? TrustDirection.Forward : TrustDirection.Undirected);

    [Fact]
    public void SybilRank_RandomGraphs_MatchesDenseReference()
    {
        FixedSeed.ForAll(Cases, 400, 300_000, c =>
        {
            var result = SybilRankTests.Run(c.List.Build(), c.Options);
            var (trust, scores) = DenseSybilRank.Run(c.List, c.Seeds, c.Iterations, c.Total, c.Weighted, c.Direction);
            SybilRankTests.AssertClose(trust, result.Trust, 1e-12 * c.Total);
            SybilRankTests.AssertClose(scores, result.Scores, 1e-12 * c.Total);
        });
    }

    [Fact]
    public void SybilRank_EveryIteration_ConservesTotalTrustOnNodesWithEdges()
    {
        FixedSeed.ForAll(Cases, 200, 310_000, c =>
        {
            var g = c.List.Build();
            for (var k = 0; k <= c.Iterations; k++)
            {
                var result = SybilRankTests.Run(g, c.Options with { Iterations = k });
                var expected = result.ActiveSeeds > 0 ? c.Total : 0.0;
                Assert.Equal(expected, result.Trust.Sum(), 1e-12 * c.Total);
                Assert.All(result.Trust, t => Assert.True(t >= 0));
                Assert.All(result.Scores, s => Assert.True(s >= 0));
                for (var v = 0; v < g.NodeCount; v++)
                {
                    if (g.OutDegree(v) + g.InDegree(v) == 0)
                    {
                        Assert.Equal(0.0, result.Trust[v]);
                    }
                }
            }
        });
    }

    [Fact]
    public void SybilRank_Undirected_IgnoresEdgeDirection()
    {
        FixedSeed.ForAll(Cases, 200, 320_000, c =>
        {
            var reversed = c.List with { Sources = c.List.Targets, Targets = c.List.Sources };
            var options = c.Options with { Direction = TrustDirection.Undirected };
            var original = SybilRankTests.Run(c.List.Build(), options);
            var flipped = SybilRankTests.Run(reversed.Build(), options);
            SybilRankTests.AssertClose(original.Scores, flipped.Scores, 1e-12 * c.Total);
        });
    }

    [Fact]
    public void SybilRank_EqualWeights_MatchUnweighted()
    {
        FixedSeed.ForAll(Cases, 200, 330_000, c =>
        {
            var uniform = c.List with { Weights = Enumerable.Repeat(2.5f, c.List.EdgeCount).ToArray() };
            var weighted = SybilRankTests.Run(uniform.Build(), c.Options with { Weighted = true });
            var unweighted = SybilRankTests.Run(uniform.Build(), c.Options with { Weighted = false });
            SybilRankTests.AssertClose(unweighted.Trust, weighted.Trust, 1e-12 * c.Total);
            // Weighted degrees are 2.5 times the plain ones.
            SybilRankTests.AssertClose(unweighted.Scores.Select(s => s / 2.5).ToArray(), weighted.Scores, 1e-12 * c.Total);
        });
    }

    [Theory]
    [InlineData(false, TrustDirection.Undirected)]
    [InlineData(true, TrustDirection.Undirected)]
    [InlineData(false, TrustDirection.Forward)]
    [InlineData(true, TrustDirection.Forward)]
    public void SybilRank_OneTwoFourThreads_BitIdentical(bool weighted, TrustDirection direction)
    {
        // Big enough that the 256 chunks are non-trivial and really run on several threads.
        var rng = new Xoshiro256StarStar(11);
        const int n = 20_000, m = 200_000;
        var sources = new int[m];
        var targets = new int[m];
        var weights = new float[m];
        for (var i = 0; i < m; i++)
        {
            // Skewed sources leave many sinks; skewed targets give uneven in-degrees.
            sources[i] = rng.NextInt(n / 2);
            targets[i] = (int)(n * Math.Pow(rng.NextDouble(), 3));
            weights[i] = 0.5f + rng.NextInt(8);
        }

        var g = CsrGraphBuilder.Build(n, sources, targets, weights);
        var options = new SybilRankOptions { Seeds = [.. Enumerable.Range(0, 50).Select(i => i * 397)], Weighted = weighted, Direction = direction };
        var baseline = SybilRankTests.Run(g, options with { DegreeOfParallelism = 1 });
        Assert.Equal(15, baseline.Iterations);
        foreach (var threads in new[] { 2, 4 })
        {
            var other = SybilRankTests.Run(g, options with { DegreeOfParallelism = threads });
            for (var v = 0; v < n; v++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(baseline.Trust[v]), BitConverter.DoubleToInt64Bits(other.Trust[v]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(baseline.Scores[v]), BitConverter.DoubleToInt64Bits(other.Scores[v]));
            }
        }
    }

    [Theory]
    [InlineData(TrustDirection.Undirected)]
    [InlineData(TrustDirection.Forward)]
    public void SybilRank_TwoCommunitiesJoinedByFewEdges_SeededCommunityRanksAbove(TrustDirection direction)
    {
        // Two communities of 150 nodes with 1,500 random edges inside each (average degree 20) and 6 edges between
        // them (3 each way): the SybilRank setting of an honest region and a fake one behind few attack edges.
        const int size = 150;
        var rng = new Xoshiro256StarStar(2012);
        var sources = new List<int>();
        var targets = new List<int>();
        for (var community = 0; community < 2; community++)
        {
            for (var i = 0; i < 1500; i++)
            {
                sources.Add((community * size) + rng.NextInt(size));
                targets.Add((community * size) + rng.NextInt(size));
            }
        }

        for (var i = 0; i < 6; i++)
        {
            var a = rng.NextInt(size);
            var b = size + rng.NextInt(size);
            sources.Add(i % 2 == 0 ? a : b);
            targets.Add(i % 2 == 0 ? b : a);
        }

        var g = CsrGraphBuilder.Build(2 * size, [.. sources], [.. targets]);
        var result = SybilRankTests.Run(g, new SybilRankOptions { Seeds = [3, 40, 77, 101, 149], Direction = direction });
        var inSeeded = Enumerable.Range(0, 2 * size).Select(v => v < size).ToArray();

        Assert.Equal(9, result.Iterations);
        Assert.True(RocAuc.Compute(result.Scores, inSeeded) >= 0.99, $"AUC {RocAuc.Compute(result.Scores, inSeeded)}");
        var leaked = result.Trust.Skip(size).Sum();
        Assert.True(leaked < 0.05, $"{leaked} of the trust leaked into the unseeded community");
    }

    public sealed record Case(EdgeList List, int[] Seeds, int Iterations, double Total, bool Weighted, TrustDirection Direction)
    {
        public SybilRankOptions Options => new()
        {
            Seeds = Seeds,
            Iterations = Iterations,
            TotalTrust = Total,
            Weighted = Weighted,
            Direction = Direction,
        };

        public override string ToString() =>
            $"{List}, seeds=[{string.Join(", ", Seeds)}], k={Iterations}, T={Total}, weighted={Weighted}, {Direction}";
    }
}
