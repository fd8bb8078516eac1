using Resonance.Engine.Community;
using Resonance.Engine.Graphs;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Community;

public sealed class UndirectedGraphTests
{
    [Fact]
    public void FromDirected_ReciprocatedPairAndSelfLoop_SumsDirectionsAndCountsLoopTwiceInStrength()
    {
        // 0⇄1 reciprocated, 1→2 one way, 2→2 a self-loop.
        var g = UndirectedGraph.FromDirected(EdgeLists.Of(3, (0, 1), (1, 0), (1, 2), (2, 2)).Build());

        Assert.Equal([1], g.Neighbors(0).ToArray());
        Assert.Equal([2.0], g.Weights(0).ToArray());
        Assert.Equal([0, 2], g.Neighbors(1).ToArray());
        Assert.Equal([2.0, 1.0], g.Weights(1).ToArray());
        Assert.Equal(1.0, g.SelfLoopWeight(2));
        Assert.Equal(3.0, g.Strength(2)); // edge to 1 plus the loop twice
        Assert.Equal(4.0, g.TotalWeight);  // four directed edges, one undirected edge each
        Assert.Equal(3, g.EdgeCount);      // {0,1}, {1,2} and the loop on 2
    }

    [Fact]
    public void FromDirected_WeightedGraph_SumsBothDirectionWeights()
    {
        var csr = CsrGraphBuilder.Build(3, [0, 1, 2, 0], [1, 0, 0, 0], [1.5f, 2.25f, 4f, 0.5f]);
        var g = UndirectedGraph.FromDirected(csr);

        Assert.Equal([1, 2], g.Neighbors(0).ToArray());
        Assert.Equal([3.75, 4.0], g.Weights(0).ToArray());
        Assert.Equal(0.5, g.SelfLoopWeight(0));
        Assert.Equal(3.75 + 4.0 + 1.0, g.Strength(0));
    }

    [Fact]
    public void FromEdges_RandomMultigraphs_MatchPairWeightsSummedInTheTest()
    {
        FixedSeed.ForAll(EdgeLists.Random(15, 60, weighted: true), 200, 300_000, list =>
        {
            var weights = list.Weights!.Select(w => (double)w).ToArray();
            var g = UndirectedGraph.FromEdges(list.NodeCount, list.Sources, list.Targets, weights);
            var expected = new Dictionary<(int, int), double>();
            var loops = new double[list.NodeCount];
            for (var e = 0; e < list.EdgeCount; e++)
            {
                int a = list.Sources[e], b = list.Targets[e];
                if (a == b)
                {
                    loops[a] += weights[e];
                    continue;
                }

                expected[(a, b)] = expected.GetValueOrDefault((a, b)) + weights[e];
                expected[(b, a)] = expected.GetValueOrDefault((b, a)) + weights[e];
            }

            var actual = new Dictionary<(int, int), double>();
            var strengthSum = 0.0;
            for (var v = 0; v < g.NodeCount; v++)
            {
                var neighbors = g.Neighbors(v).ToArray();
                Assert.Equal(neighbors.Order().Distinct(), neighbors); // sorted, each neighbour once
                for (var i = 0; i < neighbors.Length; i++)
                {
                    actual[(v, neighbors[i])] = g.Weights(v)[i];
                }

                Assert.Equal(loops[v], g.SelfLoopWeight(v), 1e-12);
                strengthSum += g.Strength(v);
            }

            Assert.Equal(expected.Count, actual.Count);
            foreach (var (pair, w) in expected)
            {
                Assert.Equal(w, actual[pair], 1e-12);
            }

            Assert.Equal(weights.Sum(), g.TotalWeight, 1e-9);
            Assert.Equal(2 * g.TotalWeight, strengthSum, 1e-9);
        });
    }

    [Fact]
    public void FromEdges_EmptyAndIsolatedNodes_HaveNoNeighboursAndZeroWeight()
    {
        var empty = UndirectedGraph.FromEdges(0, [], []);
        Assert.Equal(0, empty.NodeCount);
        Assert.Equal(0.0, empty.TotalWeight);

        var isolated = UndirectedGraph.FromEdges(3, [], []);
        Assert.Equal(3, isolated.NodeCount);
        Assert.True(isolated.Neighbors(1).IsEmpty);
        Assert.Equal(0.0, isolated.Strength(1));
    }

    [Fact]
    public void FromEdges_BadInput_ThrowsWithTheOffendingValue()
    {
        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => UndirectedGraph.FromEdges(2, [0], [2]));
        Assert.Contains("{0, 2}", outOfRange.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentException>(() => UndirectedGraph.FromEdges(2, [0], [1], [-1.0]));
        Assert.Contains("-1", negative.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => UndirectedGraph.FromEdges(2, [0], [1], [double.NaN]));
        Assert.Throws<ArgumentException>(() => UndirectedGraph.FromEdges(2, [0, 1], [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => UndirectedGraph.FromEdges(2, [], []).Neighbors(2));
    }
}
