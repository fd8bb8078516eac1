using CsCheck;
using Resonance.Engine.Centrality;
using Resonance.Engine.Graphs;
using Resonance.Engine.Randomness;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Centrality;

public sealed class PageRankPropertyTests
{
    private static readonly PageRankOptions Tight = new() { Tolerance = 1e-14, MaxIterations = 10_000 };

    private static readonly Gen<(EdgeList List, double[] Personalization, double Damping)> Cases =
        from list in EdgeLists.Random(12, 40, weighted: true)
        from personalization in Gen.Int[0, 5].Select(i => (double)i).Array[list.NodeCount]
        from damping in Gen.Int[0, 19].Select(i => i / 20.0)
        select (list, personalization, damping);

    [Fact]
    public void PageRank_RandomGraphs_MatchesDenseReference()
    {
        FixedSeed.ForAll(Cases, 150, 10_000, c =>
        {
            var result = PageRankTests.Run(c.List.Build(), Tight with { Damping = c.Damping });
            Assert.True(result.Converged);
            PageRankTests.AssertClose(DensePageRank.Run(c.List, c.Damping, weighted: false, null), result.Scores, 1e-12);
        });
    }

    [Fact]
    public void PageRank_RandomWeightedGraphs_MatchesDenseReference()
    {
        FixedSeed.ForAll(Cases, 150, 20_000, c =>
        {
            var result = PageRankTests.Run(c.List.Build(), Tight with { Damping = c.Damping, Weighted = true });
            Assert.True(result.Converged);
            PageRankTests.AssertClose(DensePageRank.Run(c.List, c.Damping, weighted: true, null), result.Scores, 1e-12);
        });
    }

    [Fact]
    public void PageRank_RandomPersonalizedGraphs_MatchesDenseReference()
    {
        FixedSeed.ForAll(Cases, 150, 30_000, c =>
        {
            var personalization = c.Personalization.Sum() > 0 ? c.Personalization : null;
            var options = Tight with { Damping = c.Damping, Weighted = true, Personalization = personalization };
            var result = PageRankTests.Run(c.List.Build(), options);
            Assert.True(result.Converged);
            PageRankTests.AssertClose(DensePageRank.Run(c.List, c.Damping, weighted: true, personalization), result.Scores, 1e-12);
        });
    }

    [Fact]
    public void PageRank_RandomGraphs_ScoresNonNegativeAndSumToOne()
    {
        FixedSeed.ForAll(Cases, 300, 40_000, c =>
        {
            var personalization = c.Personalization.Sum() > 0 ? c.Personalization : null;
            var result = PageRankTests.Run(c.List.Build(), new PageRankOptions { Damping = c.Damping, Personalization = personalization });
            Assert.All(result.Scores, s => Assert.True(s >= 0));
            Assert.Equal(1.0, result.Scores.Sum(), 1e-12);
        });
    }

    [Fact]
    public void PageRank_RelabelledNodes_ScoresPermute()
    {
        var gen = from c in Cases
                  from permutation in Gen.Shuffle(Enumerable.Range(0, c.List.NodeCount).ToArray())
                  select (c.List, permutation);
        FixedSeed.ForAll(gen, 200, 50_000, c =>
        {
            var (list, p) = c;
            var relabelled = new EdgeList(list.NodeCount, list.Sources.Select(s => p[s]).ToArray(), list.Targets.Select(t => p[t]).ToArray(), list.Weights);
            var original = PageRankTests.Run(list.Build(), Tight with { Weighted = true }).Scores;
            var permuted = PageRankTests.Run(relabelled.Build(), Tight with { Weighted = true }).Scores;
            for (var v = 0; v < list.NodeCount; v++)
            {
                Assert.Equal(original[v], permuted[p[v]], 1e-13);
            }
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PageRank_OneTwoFourThreads_BitIdentical(bool weighted)
    {
        // Big enough that the 256 chunks are non-trivial and really run on several threads.
        var rng = new Xoshiro256StarStar(7);
        const int n = 20_000, m = 200_000;
        var sources = new int[m];
        var targets = new int[m];
        var weights = new float[m];
        for (var i = 0; i < m; i++)
        {
            // Skewed sources leave many dangling nodes; skewed targets give uneven in-degrees.
            sources[i] = rng.NextInt(n / 2);
            targets[i] = (int)(n * Math.Pow(rng.NextDouble(), 3));
            weights[i] = 0.5f + rng.NextInt(8);
        }

        var g = CsrGraphBuilder.Build(n, sources, targets, weights);
        var baseline = PageRankTests.Run(g, new PageRankOptions { DegreeOfParallelism = 1, Weighted = weighted });
        foreach (var threads in new[] { 2, 4 })
        {
            var other = PageRankTests.Run(g, new PageRankOptions { DegreeOfParallelism = threads, Weighted = weighted });
            Assert.Equal(baseline.Iterations, other.Iterations);
            Assert.Equal(BitConverter.DoubleToInt64Bits(baseline.Residual), BitConverter.DoubleToInt64Bits(other.Residual));
            for (var v = 0; v < n; v++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(baseline.Scores[v]), BitConverter.DoubleToInt64Bits(other.Scores[v]));
            }
        }
    }
}
