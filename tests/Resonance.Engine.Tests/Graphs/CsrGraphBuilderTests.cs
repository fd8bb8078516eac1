using Resonance.Engine.Graphs;
using Resonance.Engine.Randomness;

namespace Resonance.Engine.Tests.Graphs;

public sealed class CsrGraphBuilderTests
{
    [Fact]
    public void CsrGraph_RandomGraphs_RoundTripsEdgeMultiset()
    {
        FixedSeed.ForAll(EdgeLists.Random(40, 200, weighted: true), 200, 1_000, list =>
        {
            var g = list.Build();
            Assert.Equal(list.NodeCount, g.NodeCount);
            Assert.Equal(list.EdgeCount, g.EdgeCount);
            Assert.Equal(Sorted(InputEdges(list)), Sorted(OutEdges(g)));
        });
    }

    [Fact]
    public void CsrGraph_RandomGraphs_ReverseMatchesForward()
    {
        FixedSeed.ForAll(EdgeLists.Random(40, 200, weighted: true), 200, 2_000, list =>
        {
            var g = list.Build();
            var fromIn = new List<(int, int, float)>();
            for (var v = 0; v < g.NodeCount; v++)
            {
                var sources = g.InNeighbors(v);
                var weights = g.InWeights(v);
                Assert.Equal(sources.Length, g.InDegree(v));
                for (var i = 0; i < sources.Length; i++)
                {
                    fromIn.Add((sources[i], v, weights[i]));
                }
            }

            Assert.Equal(Sorted(OutEdges(g)), Sorted(fromIn));
        });
    }

    [Fact]
    public void CsrGraph_RandomGraphs_OutNeighboursInInputOrder_InNeighboursBySourceThenInputOrder()
    {
        FixedSeed.ForAll(EdgeLists.Random(20, 300, weighted: true), 200, 3_000, list =>
        {
            var g = list.Build();
            for (var v = 0; v < g.NodeCount; v++)
            {
                var outExpected = Enumerable.Range(0, list.EdgeCount).Where(i => list.Sources[i] == v).ToArray();
                Assert.Equal(outExpected.Select(i => list.Targets[i]).ToArray(), g.OutNeighbors(v).ToArray());
                Assert.Equal(outExpected.Select(i => list.Weights![i]).ToArray(), g.OutWeights(v).ToArray());
                // In-lists are sorted by source (for the pull kernels' gathers); parallel edges keep their input order.
                var inExpected = Enumerable.Range(0, list.EdgeCount).Where(i => list.Targets[i] == v).OrderBy(i => list.Sources[i]).ThenBy(i => i).ToArray();
                Assert.Equal(inExpected.Select(i => list.Sources[i]).ToArray(), g.InNeighbors(v).ToArray());
                Assert.Equal(inExpected.Select(i => list.Weights![i]).ToArray(), g.InWeights(v).ToArray());
            }
        });
    }

    [Fact]
    public void CsrGraph_LargeGraphOneVersusManyThreads_IdenticalArrays()
    {
        // Large enough (m = 600k, n = 5k) for the builder to use many chunks.
        var rng = new Xoshiro256StarStar(42);
        const int n = 5_000, m = 600_000;
        var sources = new int[m];
        var targets = new int[m];
        var weights = new float[m];
        for (var i = 0; i < m; i++)
        {
            sources[i] = rng.NextInt(n);
            targets[i] = rng.NextInt(n);
            weights[i] = i;
        }

        var one = CsrGraphBuilder.Build(n, sources, targets, weights, degreeOfParallelism: 1);
        foreach (var threads in new[] { 2, 4, 8 })
        {
            var many = CsrGraphBuilder.Build(n, sources, targets, weights, threads);
            for (var v = 0; v < n; v++)
            {
                Assert.True(one.OutNeighbors(v).SequenceEqual(many.OutNeighbors(v)));
                Assert.True(one.OutWeights(v).SequenceEqual(many.OutWeights(v)));
                Assert.True(one.InNeighbors(v).SequenceEqual(many.InNeighbors(v)));
                Assert.True(one.InWeights(v).SequenceEqual(many.InWeights(v)));
            }
        }

        // Weights are edge indices, so strictly increasing weights within a node prove the sort was stable.
        for (var v = 0; v < n; v++)
        {
            var w = one.OutWeights(v);
            for (var i = 1; i < w.Length; i++)
            {
                Assert.True(w[i - 1] < w[i]);
            }
        }
    }

    [Fact]
    public void CsrGraph_SelfLoopsAndParallelEdges_AreKept()
    {
        var g = EdgeLists.Of(3, (0, 0), (0, 1), (0, 1), (2, 0)).Build();
        Assert.Equal(4, g.EdgeCount);
        Assert.Equal([0, 1, 1], g.OutNeighbors(0).ToArray());
        Assert.Equal([0, 2], g.InNeighbors(0).ToArray());
        Assert.Equal(2, g.InDegree(1));
        Assert.Equal(0, g.OutDegree(1));
        Assert.False(g.IsWeighted);
        Assert.Throws<InvalidOperationException>(() => g.OutWeights(0).Length);
    }

    [Fact]
    public void CsrGraph_EmptyGraph_HasNoNodesOrEdges()
    {
        var g = CsrGraphBuilder.Build(0, [], []);
        Assert.Equal(0, g.NodeCount);
        Assert.Equal(0, g.EdgeCount);
        Assert.Equal(8, g.MemoryBytes);
    }

    [Fact]
    public void CsrGraph_MemoryBytes_CountsEveryArray()
    {
        var g = CsrGraphBuilder.Build(3, [0, 1], [1, 2], [1f, 2f]);
        Assert.Equal((4 * ((2 * 4) + (2 * 2))) + (4 * 4), g.MemoryBytes);
    }

    [Theory]
    [InlineData(3, 0, "sources[3] is 3")]
    [InlineData(-1, 0, "sources[3] is -1")]
    [InlineData(0, 7, "targets[3] is 7")]
    public void CsrGraphBuilder_NodeIdOutOfRange_ThrowsNamingTheIndex(int badSource, int badTarget, string expected)
    {
        // Index 4 is bad too: the first bad index is the one reported.
        int[] sources = [0, 1, 2, badSource, 0];
        int[] targets = [1, 2, 0, badTarget, 9];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CsrGraphBuilder.Build(3, sources, targets));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CsrGraphBuilder_MismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => CsrGraphBuilder.Build(3, [0, 1], [1]));
        Assert.Throws<ArgumentException>(() => CsrGraphBuilder.Build(3, [0, 1], [1, 2], [1f]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CsrGraphBuilder.Build(-1, [], []));
    }

    [Fact]
    public void CsrGraph_NodeOutOfRange_Throws()
    {
        var g = EdgeLists.Of(2, (0, 1)).Build();
        Assert.Throws<ArgumentOutOfRangeException>(() => g.OutNeighbors(2).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => g.InNeighbors(-1).Length);
    }

    private static List<(int, int, float)> InputEdges(EdgeList list) =>
        Enumerable.Range(0, list.EdgeCount).Select(i => (list.Sources[i], list.Targets[i], list.Weights?[i] ?? 1f)).ToList();

    private static List<(int, int, float)> OutEdges(CsrGraph g)
    {
        var edges = new List<(int, int, float)>();
        for (var u = 0; u < g.NodeCount; u++)
        {
            var targets = g.OutNeighbors(u);
            var weights = g.IsWeighted ? g.OutWeights(u) : default;
            Assert.Equal(targets.Length, g.OutDegree(u));
            for (var i = 0; i < targets.Length; i++)
            {
                edges.Add((u, targets[i], g.IsWeighted ? weights[i] : 1f));
            }
        }

        return edges;
    }

    private static List<(int, int, float)> Sorted(List<(int, int, float)> edges)
    {
        edges.Sort();
        return edges;
    }
}
