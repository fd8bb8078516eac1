using Resonance.Engine.Graphs;
using Resonance.Engine.Randomness;

namespace Resonance.Engine.Tests.Graphs;

public sealed class DegreeOrderingTests
{
    [Fact]
    public void DegreeOrdering_RandomGraphs_PermutationIsABijectionAndInverse()
    {
        FixedSeed.ForAll(EdgeLists.Random(40, 200, weighted: false), 200, 5_000, list =>
        {
            var ordering = DegreeOrdering.Compute(list.Build());
            var n = list.NodeCount;
            Assert.Equal(n, ordering.NewToOld.Length);
            Assert.Equal(n, ordering.OldToNew.Length);
            Assert.Equal(Enumerable.Range(0, n), ordering.NewToOld.Order());
            for (var v = 0; v < n; v++)
            {
                Assert.Equal(v, ordering.NewToOld[ordering.OldToNew[v]]);
            }
        });
    }

    [Fact]
    public void DegreeOrdering_RandomGraphs_DescendingOutDegreeTiesById()
    {
        FixedSeed.ForAll(EdgeLists.Random(40, 200, weighted: false), 200, 6_000, list =>
        {
            var g = list.Build();
            var ordering = DegreeOrdering.Compute(g);
            var expected = Enumerable.Range(0, g.NodeCount).OrderByDescending(g.OutDegree).ThenBy(v => v).ToArray();
            Assert.Equal(expected, ordering.NewToOld);
            for (var i = 0; i < g.NodeCount; i++)
            {
                Assert.Equal(g.OutDegree(ordering.NewToOld[i]), ordering.Graph.OutDegree(i));
                Assert.Equal(g.InDegree(ordering.NewToOld[i]), ordering.Graph.InDegree(i));
            }
        });
    }

    [Fact]
    public void DegreeOrdering_RandomGraphs_IsIsomorphicWithSameNeighbourOrder()
    {
        FixedSeed.ForAll(EdgeLists.Random(40, 200, weighted: true), 200, 7_000, list =>
        {
            var g = list.Build();
            var ordering = DegreeOrdering.Compute(g);
            var r = ordering.Graph;
            var oldToNew = ordering.OldToNew;
            Assert.Equal(g.NodeCount, r.NodeCount);
            Assert.Equal(g.EdgeCount, r.EdgeCount);
            Assert.True(r.IsWeighted);
            for (var v = 0; v < g.NodeCount; v++)
            {
                // Same neighbours, mapped, in the same order, with the same weights: the edge multiset maps back.
                var nv = oldToNew[v];
                Assert.Equal(g.OutNeighbors(v).ToArray().Select(u => oldToNew[u]), r.OutNeighbors(nv).ToArray());
                Assert.Equal(g.InNeighbors(v).ToArray().Select(u => oldToNew[u]), r.InNeighbors(nv).ToArray());
                Assert.Equal(g.OutWeights(v).ToArray(), r.OutWeights(nv).ToArray());
                Assert.Equal(g.InWeights(v).ToArray(), r.InWeights(nv).ToArray());
            }

            var back = new List<(int, int, float)>();
            for (var v = 0; v < r.NodeCount; v++)
            {
                var targets = r.OutNeighbors(v);
                var weights = r.OutWeights(v);
                for (var i = 0; i < targets.Length; i++)
                {
                    back.Add((ordering.NewToOld[v], ordering.NewToOld[targets[i]], weights[i]));
                }
            }

            var input = Enumerable.Range(0, list.EdgeCount).Select(i => (list.Sources[i], list.Targets[i], list.Weights![i]));
            Assert.Equal(input.Order(), back.Order());
        });
    }

    [Fact]
    public void DegreeOrdering_LargeGraphOneVersusManyThreads_IdenticalGraphs()
    {
        var rng = new Xoshiro256StarStar(11);
        const int n = 50_000, m = 400_000;
        var sources = new int[m];
        var targets = new int[m];
        for (var i = 0; i < m; i++)
        {
            sources[i] = (int)(n * Math.Pow(rng.NextDouble(), 2));
            targets[i] = rng.NextInt(n);
        }

        var g = CsrGraphBuilder.Build(n, sources, targets);
        var one = DegreeOrdering.Compute(g, degreeOfParallelism: 1);
        foreach (var threads in new[] { 2, 4 })
        {
            var many = DegreeOrdering.Compute(g, threads);
            Assert.Equal(one.NewToOld, many.NewToOld);
            for (var v = 0; v < n; v++)
            {
                Assert.True(one.Graph.OutNeighbors(v).SequenceEqual(many.Graph.OutNeighbors(v)));
                Assert.True(one.Graph.InNeighbors(v).SequenceEqual(many.Graph.InNeighbors(v)));
            }
        }
    }

    [Fact]
    public void DegreeOrdering_EmptyAndSingleNode_Work()
    {
        var empty = DegreeOrdering.Compute(CsrGraphBuilder.Build(0, [], []));
        Assert.Equal(0, empty.Graph.NodeCount);
        Assert.Empty(empty.NewToOld);
        var single = DegreeOrdering.Compute(EdgeLists.Of(1, (0, 0)).Build());
        Assert.Equal([0], single.NewToOld);
        Assert.Equal([0], single.Graph.OutNeighbors(0).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => DegreeOrdering.Compute(empty.Graph, 0));
    }
}
