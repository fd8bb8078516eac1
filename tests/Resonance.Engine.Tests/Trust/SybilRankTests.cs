using Resonance.Engine.Graphs;
using Resonance.Engine.Tests.Graphs;
using Resonance.Engine.Trust;

namespace Resonance.Engine.Tests.Trust;

public sealed class SybilRankTests
{
    // The path 0 – 1 – 2 (given as 0→1, 1→2): degrees 1, 2, 1.
    private static readonly EdgeList Path = EdgeLists.Of(3, (0, 1), (1, 2));

    internal static SybilRankResult Run(CsrGraph g, SybilRankOptions options) =>
        SybilRank.Run(g, options, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData(0, new[] { 1.0, 0, 0 }, new[] { 1.0, 0, 0 })]
    [InlineData(1, new[] { 0.0, 1, 0 }, new[] { 0.0, 0.5, 0 })]
    [InlineData(2, new[] { 0.5, 0, 0.5 }, new[] { 0.5, 0, 0.5 })]
    [InlineData(3, new[] { 0.0, 1, 0 }, new[] { 0.0, 0.5, 0 })]
    public void SybilRank_PathFromEndSeed_MatchesHandComputedTrust(int iterations, double[] trust, double[] scores)
    {
        // By hand: node 0 sends all it has to 1; node 1 splits its trust evenly between 0 and 2; scores divide by degree.
        var result = Run(Path.Build(), new SybilRankOptions { Seeds = [0], Iterations = iterations });
        Assert.Equal(trust, result.Trust);
        Assert.Equal(scores, result.Scores);
        Assert.Equal(iterations, result.Iterations);
        Assert.Equal(1, result.ActiveSeeds);
    }

    [Theory]
    [InlineData(1, new[] { 0.0, 1, 0 })]
    [InlineData(2, new[] { 0.0, 0, 1 })]
    [InlineData(5, new[] { 0.0, 0, 1 })]
    public void SybilRank_ForwardPath_MovesTrustDownstreamAndSinkKeepsIt(int iterations, double[] trust)
    {
        var result = Run(Path.Build(), new SybilRankOptions { Seeds = [0], Iterations = iterations, Direction = TrustDirection.Forward });
        Assert.Equal(trust, result.Trust);
        // Forward scores divide by in-degree (1 for nodes 1 and 2); node 0 has no in-edge and scores 0.
        Assert.Equal(trust, result.Scores);
    }

    [Fact]
    public void SybilRank_WeightedStar_SplitsByWeightAndNormalisesToEqualScores()
    {
        // Seed 0 with edges of weight 1 to node 1 and 3 to node 2: one step gives 1/4 and 3/4, and divided by their
        // degrees (1 and 3) both leaves score 1/4.
        var g = CsrGraphBuilder.Build(3, [0, 0], [1, 2], [1f, 3f]);
        var result = Run(g, new SybilRankOptions { Seeds = [0], Iterations = 1, Weighted = true });
        Assert.Equal([0, 0.25, 0.75], result.Trust);
        Assert.Equal([0, 0.25, 0.25], result.Scores);
    }

    [Fact]
    public void SybilRank_EdgesBothWays_ActAsOneEdgeWithSummedWeight()
    {
        // 0→1 (1) and 1→0 (2) form one undirected edge of weight 3; with 1→2 (1), node 1 has degree 4.
        // Step 1: all of seed 0's trust reaches 1. Step 2: node 1 sends 3/4 back to 0 and 1/4 on to 2.
        var g = CsrGraphBuilder.Build(3, [0, 1, 1], [1, 0, 2], [1f, 2f, 1f]);
        var result = Run(g, new SybilRankOptions { Seeds = [0], Iterations = 2, Weighted = true });
        AssertClose([0.75, 0, 0.25], result.Trust, 1e-15);
        AssertClose([0.25, 0, 0.25], result.Scores, 1e-15);
    }

    [Fact]
    public void SybilRank_SelfLoop_CountsTwiceTowardsDegree()
    {
        // Node 0 has a self-loop and an edge to 1: degree 3, of which the loop is 2, so it keeps 2/3.
        var result = Run(EdgeLists.Of(2, (0, 0), (0, 1)).Build(), new SybilRankOptions { Seeds = [0], Iterations = 1 });
        Assert.Equal(2.0 / 3, result.Trust[0], 1e-15);
        Assert.Equal(1.0 / 3, result.Trust[1], 1e-15);
    }

    [Fact]
    public void SybilRank_TotalTrust_IsSplitEvenlyOverSeedsWithEdges()
    {
        // Seeds 0 and 3; node 3 is isolated, so seed 0 alone gets the whole trust of 6.
        var g = EdgeLists.Of(4, (0, 1), (1, 2)).Build();
        var result = Run(g, new SybilRankOptions { Seeds = [3, 0], Iterations = 0, TotalTrust = 6 });
        Assert.Equal(1, result.ActiveSeeds);
        Assert.Equal([6.0, 0, 0, 0], result.Trust);

        var both = Run(g, new SybilRankOptions { Seeds = [2, 0], Iterations = 0, TotalTrust = 6 });
        Assert.Equal(2, both.ActiveSeeds);
        Assert.Equal([3.0, 0, 3, 0], both.Trust);
    }

    [Fact]
    public void SybilRank_NoSeedHasAnEdge_ScoresAllZero()
    {
        var result = Run(EdgeLists.Of(3, (0, 1)).Build(), new SybilRankOptions { Seeds = [2], Iterations = 4 });
        Assert.Equal(0, result.ActiveSeeds);
        Assert.All(result.Trust, t => Assert.Equal(0.0, t));
        Assert.All(result.Scores, s => Assert.Equal(0.0, s));
    }

    [Fact]
    public void SybilRank_SingleNode_TakesNoIterationsAndScoresZero()
    {
        var result = Run(CsrGraphBuilder.Build(1, [], []), new SybilRankOptions { Seeds = [0] });
        Assert.Equal(0, result.Iterations);
        Assert.Equal([0.0], result.Scores);
    }

    [Fact]
    public void SybilRank_IsolatedNodesAndOtherComponents_ScoreZero()
    {
        // Component {0, 1, 2} holds the seed; {3, 4} is another component and 5 is isolated.
        var g = EdgeLists.Of(6, (0, 1), (1, 2), (2, 0), (3, 4)).Build();
        var result = Run(g, new SybilRankOptions { Seeds = [1], Iterations = 7 });
        Assert.All(result.Scores.Take(3), s => Assert.True(s > 0));
        Assert.Equal([0.0, 0, 0], result.Scores.Skip(3));
    }

    [Fact]
    public void DefaultIterations_IsCeilingOfLog2()
    {
        Assert.Equal(0, SybilRank.DefaultIterations(0));
        for (var n = 1; n <= 5000; n++)
        {
            Assert.Equal((int)Math.Ceiling(Math.Log2(n)), SybilRank.DefaultIterations(n));
        }

        Assert.Equal(31, SybilRank.DefaultIterations(int.MaxValue));
    }

    [Fact]
    public void SybilRank_NoIterationCount_RunsCeilingLog2N()
    {
        var g = EdgeLists.Of(9, (0, 1), (1, 2)).Build();
        Assert.Equal(4, Run(g, new SybilRankOptions { Seeds = [0] }).Iterations);
    }

    [Fact]
    public void SybilRank_InvalidOptions_Throw()
    {
        var g = Path.Build();
        Assert.Throws<ArgumentException>(() => Run(g, new SybilRankOptions { Seeds = [] }));
        Assert.Throws<ArgumentException>(() => Run(g, new SybilRankOptions { Seeds = [1, 0, 1] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(g, new SybilRankOptions { Seeds = [-1] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(g, new SybilRankOptions { Seeds = [3] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(g, new SybilRankOptions { Seeds = [0], Iterations = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(g, new SybilRankOptions { Seeds = [0], TotalTrust = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(g, new SybilRankOptions { Seeds = [0], TotalTrust = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(g, new SybilRankOptions { Seeds = [0], TotalTrust = double.PositiveInfinity }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(g, new SybilRankOptions { Seeds = [0], DegreeOfParallelism = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(g, new SybilRankOptions { Seeds = [0], Direction = (TrustDirection)7 }));
        Assert.Throws<ArgumentException>(() => Run(g, new SybilRankOptions { Seeds = [0], Weighted = true }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(CsrGraphBuilder.Build(0, [], []), new SybilRankOptions { Seeds = [0] }));
    }

    [Theory]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void SybilRank_WeightedWithBadWeight_Throws(float weight)
    {
        var g = CsrGraphBuilder.Build(3, [0, 1], [1, 2], [1f, weight]);
        Assert.Throws<ArgumentException>(() => Run(g, new SybilRankOptions { Seeds = [0], Weighted = true }));
    }

    [Fact]
    public void SybilRank_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            SybilRank.Run(Path.Build(), new SybilRankOptions { Seeds = [0], Iterations = 3 }, cts.Token));
    }

    [Fact]
    public void SybilRank_ForwardEndorsingTrustedNodes_EarnsNothing()
    {
        // A triangle of trusted nodes endorsing each other, and node 3 endorsing all three of them. Undirected, node 3
        // collects trust back over its own edges; forward, giving an endorsement earns nothing.
        var list = EdgeLists.Of(4, (0, 1), (1, 2), (2, 0), (1, 0), (3, 0), (3, 1), (3, 2));
        var undirected = Run(list.Build(), new SybilRankOptions { Seeds = [0], Iterations = 6 });
        var forward = Run(list.Build(), new SybilRankOptions { Seeds = [0], Iterations = 6, Direction = TrustDirection.Forward });
        Assert.True(undirected.Scores[3] > 0);
        Assert.Equal(0.0, forward.Scores[3]);
        Assert.Equal(0.0, forward.Trust[3]);
        Assert.Equal(1.0, forward.Trust.Sum(), 1e-15);
    }

    internal static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var v = 0; v < expected.Length; v++)
        {
            Assert.True(Math.Abs(expected[v] - actual[v]) <= tolerance, $"node {v}: expected {expected[v]:R}, got {actual[v]:R}");
        }
    }
}
