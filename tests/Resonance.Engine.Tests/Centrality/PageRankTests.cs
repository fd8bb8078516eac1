using Resonance.Engine.Centrality;
using Resonance.Engine.Graphs;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Centrality;

public sealed class PageRankTests
{
    private static readonly PageRankOptions Tight = new() { Tolerance = 1e-14, MaxIterations = 10_000 };

    // Langville & Meyer (2004), "Deeper Inside PageRank", Internet Mathematics 1(3), section 3: the six-node web graph
    // (nodes 1..6 there, 0..5 here; node 2 is dangling). Expected values are networkx's for alpha = 0.9
    // (networkx/algorithms/link_analysis/tests/test_pagerank.py), given to 8 decimals.
    private static readonly EdgeList LangvilleMeyer = EdgeLists.Of(6,
        (0, 1), (0, 2), (2, 0), (2, 1), (2, 4), (3, 4), (3, 5), (4, 3), (4, 5), (5, 3));

    [Fact]
    public void PageRank_LangvilleMeyerSixNodes_MatchesPublishedValues()
    {
        double[] expected = [0.03721197, 0.05395735, 0.04150565, 0.37508082, 0.20599833, 0.28624589];
        var result = Run(LangvilleMeyer.Build(), Tight with { Damping = 0.9 });
        Assert.True(result.Converged);
        for (var v = 0; v < 6; v++)
        {
            Assert.Equal(expected[v], result.Scores[v], 5e-9);
        }
    }

    [Fact]
    public void PageRank_LangvilleMeyerSixNodes_MatchesDenseReferenceTo1e12()
    {
        var result = Run(LangvilleMeyer.Build(), Tight);
        AssertClose(DensePageRank.Run(LangvilleMeyer, 0.85, weighted: false, null), result.Scores, 1e-12);
    }

    [Fact]
    public void PageRank_HandCheckedCycleWithTail_MatchesDenseReference()
    {
        // A 3-cycle fed by a tail (3 -> 0) plus a self-loop on 1 and a dangling sink 4 reached from 2.
        var list = EdgeLists.Of(5, (0, 1), (1, 2), (2, 0), (3, 0), (1, 1), (2, 4));
        var result = Run(list.Build(), Tight);
        AssertClose(DensePageRank.Run(list, 0.85, weighted: false, null), result.Scores, 1e-12);
    }

    [Fact]
    public void PageRank_EmptyGraph_ReturnsNoScoresAndConverges()
    {
        var result = Run(CsrGraphBuilder.Build(0, [], []), new PageRankOptions());
        Assert.Empty(result.Scores);
        Assert.True(result.Converged);
        Assert.Equal(0, result.Iterations);
    }

    [Fact]
    public void PageRank_SingleNode_ScoresOne()
    {
        var result = Run(CsrGraphBuilder.Build(1, [], []), new PageRankOptions());
        Assert.Equal([1.0], result.Scores);
        Assert.True(result.Converged);
    }

    [Fact]
    public void PageRank_SingleNodeWithSelfLoop_ScoresOne()
    {
        var result = Run(EdgeLists.Of(1, (0, 0), (0, 0)).Build(), new PageRankOptions());
        Assert.Equal(1.0, result.Scores[0], 1e-15);
        Assert.True(result.Converged);
    }

    [Fact]
    public void PageRank_AllDangling_ReturnsTeleportVector()
    {
        var g = CsrGraphBuilder.Build(4, [], []);
        Assert.All(Run(g, new PageRankOptions()).Scores, s => Assert.Equal(0.25, s, 1e-15));

        var personalized = Run(g, new PageRankOptions { Personalization = [1, 0, 3, 0] });
        AssertClose([0.25, 0, 0.75, 0], personalized.Scores, 1e-15);
    }

    [Fact]
    public void PageRank_DisconnectedComponents_SplitMassBySize()
    {
        // Two directed cycles, of 2 and 3 nodes: every node is symmetric within its cycle, so all get 1/5.
        var list = EdgeLists.Of(5, (0, 1), (1, 0), (2, 3), (3, 4), (4, 2));
        var result = Run(list.Build(), Tight);
        Assert.All(result.Scores, s => Assert.Equal(0.2, s, 1e-14));
        AssertClose(DensePageRank.Run(list, 0.85, weighted: false, null), result.Scores, 1e-12);
    }

    [Fact]
    public void PageRank_DanglingNodes_ScoresSumToOne()
    {
        var result = Run(LangvilleMeyer.Build(), new PageRankOptions());
        Assert.Equal(1.0, result.Scores.Sum(), 1e-12);
    }

    [Fact]
    public void PageRank_MaxIterationsReached_ReportsNotConverged()
    {
        var result = Run(LangvilleMeyer.Build(), new PageRankOptions { MaxIterations = 3 });
        Assert.False(result.Converged);
        Assert.Equal(3, result.Iterations);
        Assert.True(result.Residual > 1e-10);
        Assert.Equal(1.0, result.Scores.Sum(), 1e-12);
    }

    [Fact]
    public void PageRank_ZeroTolerance_RunsExactlyMaxIterations()
    {
        var result = Run(LangvilleMeyer.Build(), new PageRankOptions { Tolerance = 0, MaxIterations = 250 });
        Assert.Equal(250, result.Iterations);
        Assert.False(result.Converged);
        Assert.Equal(1.0, result.Scores.Sum(), 1e-12);
    }

    [Fact]
    public void PageRank_Converged_EchoesOptionsAndResidualBelowTolerance()
    {
        var options = new PageRankOptions { Tolerance = 1e-9 };
        var result = Run(LangvilleMeyer.Build(), options);
        Assert.True(result.Converged);
        Assert.True(result.Residual < 1e-9);
        Assert.Same(options, result.Options);
    }

    [Fact]
    public void PageRank_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => PageRank.Run(LangvilleMeyer.Build(), new PageRankOptions(), cts.Token));
    }

    [Fact]
    public void PageRank_InvalidOptions_Throw()
    {
        var g = LangvilleMeyer.Build();
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(g, new PageRankOptions { Damping = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(g, new PageRankOptions { Damping = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(g, new PageRankOptions { Tolerance = -1e-9 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(g, new PageRankOptions { Tolerance = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(g, new PageRankOptions { MaxIterations = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(g, new PageRankOptions { DegreeOfParallelism = 0 }));
        Assert.Throws<ArgumentException>(() => Run(g, new PageRankOptions { Personalization = [1, 1] }));
        Assert.Throws<ArgumentException>(() => Run(g, new PageRankOptions { Personalization = [1, -1, 0, 0, 0, 0] }));
        Assert.Throws<ArgumentException>(() => Run(g, new PageRankOptions { Personalization = new double[6] }));
        Assert.Throws<ArgumentException>(() => Run(g, new PageRankOptions { Weighted = true }));
        Assert.Throws<ArgumentException>(() => Run(CsrGraphBuilder.Build(2, [0], [1], [-1f]), new PageRankOptions { Weighted = true }));
    }

    /// <summary>Runs PageRank with the test's cancellation token.</summary>
    internal static PageRankResult Run(CsrGraph g, PageRankOptions options) =>
        PageRank.Run(g, options, TestContext.Current.CancellationToken);

    internal static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var v = 0; v < expected.Length; v++)
        {
            Assert.True(Math.Abs(expected[v] - actual[v]) <= tolerance, $"Node {v}: expected {expected[v]:R}, got {actual[v]:R}.");
        }
    }
}
