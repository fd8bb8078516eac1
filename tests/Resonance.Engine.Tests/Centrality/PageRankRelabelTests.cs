using CsCheck;
using Resonance.Engine.Centrality;
using Resonance.Engine.Graphs;
using Resonance.Engine.Randomness;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Centrality;

public sealed class PageRankRelabelTests
{
    [Fact]
    public void PageRank_RelabelRandomGraphs_MatchesUnrelabelled()
    {
        var cases =
            from list in EdgeLists.Random(30, 120, weighted: true)
            from personalization in Gen.Int[0, 5].Select(i => (double)i).Array[list.NodeCount]
            from weighted in Gen.Bool
            select (list, personalization, weighted);
        FixedSeed.ForAll(cases, 200, 50_000, c =>
        {
            var personalization = c.personalization.Sum() > 0 ? c.personalization : null;
            var options = new PageRankOptions { Tolerance = 0, MaxIterations = 60, Weighted = c.weighted, Personalization = personalization };
            var g = c.list.Build();
            var plain = PageRankTests.Run(g, options);
            var relabelled = PageRankTests.Run(g, options with { Relabel = true });
            Assert.True(L1(plain.Scores, relabelled.Scores) <= 1e-12);
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PageRank_RelabelLargeGraph_MatchesUnrelabelledAndOneTwoFourThreadsBitIdentical(bool weighted)
    {
        var g = SkewedGraph(out var n);
        var options = new PageRankOptions { Weighted = weighted, Relabel = true };
        var plain = PageRankTests.Run(g, options with { Relabel = false, DegreeOfParallelism = 1 });
        var baseline = PageRankTests.Run(g, options with { DegreeOfParallelism = 1 });
        Assert.True(baseline.Converged);
        Assert.True(L1(plain.Scores, baseline.Scores) <= 1e-12);
        foreach (var threads in new[] { 2, 4 })
        {
            var other = PageRankTests.Run(g, options with { DegreeOfParallelism = threads });
            Assert.Equal(baseline.Iterations, other.Iterations);
            Assert.Equal(BitConverter.DoubleToInt64Bits(baseline.Residual), BitConverter.DoubleToInt64Bits(other.Residual));
            for (var v = 0; v < n; v++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(baseline.Scores[v]), BitConverter.DoubleToInt64Bits(other.Scores[v]));
            }
        }
    }

    [Fact]
    public void PageRank_RelabelPersonalized_MapsTeleportToOriginalIds()
    {
        // 0 → 1, 2 → 3; node 3 is dangling. Teleport only to node 2.
        var g = EdgeLists.Of(4, (0, 1), (2, 3)).Build();
        var options = new PageRankOptions { Personalization = [0, 0, 1, 0], Relabel = true };
        var relabelled = PageRankTests.Run(g, options);
        var plain = PageRankTests.Run(g, options with { Relabel = false });
        Assert.Equal(0, relabelled.Scores[0]);
        Assert.Equal(0, relabelled.Scores[1]);
        Assert.True(L1(plain.Scores, relabelled.Scores) <= 1e-12);
    }

    [Fact]
    public void PageRank_RelabelEmptyGraph_ReturnsNoScores()
    {
        var result = PageRankTests.Run(CsrGraphBuilder.Build(0, [], []), new PageRankOptions { Relabel = true });
        Assert.Empty(result.Scores);
    }

    private static CsrGraph SkewedGraph(out int n)
    {
        var rng = new Xoshiro256StarStar(13);
        n = 20_000;
        const int m = 200_000;
        var sources = new int[m];
        var targets = new int[m];
        var weights = new float[m];
        for (var i = 0; i < m; i++)
        {
            sources[i] = (int)((n / 2) * Math.Pow(rng.NextDouble(), 2));
            targets[i] = (int)(n * Math.Pow(rng.NextDouble(), 3));
            weights[i] = 0.5f + rng.NextInt(8);
        }

        return CsrGraphBuilder.Build(n, sources, targets, weights);
    }

    private static double L1(double[] a, double[] b)
    {
        Assert.Equal(a.Length, b.Length);
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return sum;
    }
}
