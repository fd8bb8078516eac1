using CsCheck;
using Resonance.Engine.Community;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Community;

public sealed class InfomapPropertyTests
{
    private static readonly Gen<(EdgeList List, ulong Seed)> Cases =
        from list in EdgeLists.Random(14, 45, weighted: true)
        from seed in Gen.ULong
        select (list, seed);

    [Fact]
    public void Infomap_RandomGraphs_ConnectedCommunitiesCodelengthMatchesDenseReferenceAndBeatsComponents()
    {
        FixedSeed.ForAll(Cases, 400, 900_000, c =>
        {
            var g = UndirectedGraph.FromDirected(c.List.Build());
            var result = Infomap.Run(g, new InfomapOptions { Seed = c.Seed, Trials = 3 }, TestContext.Current.CancellationToken);
            var a = DenseQuality.Adjacency(c.List);

            Assert.Empty(CommunityChecks.DisconnectedCommunities(g, result.Membership));
            Assert.True(CommunityChecks.IsNumberedBySmallestMember(result.Membership));
            Assert.Equal(DenseMapEquation.Codelength(a, result.Membership), result.Codelength, 1e-10);
            // Never worse than the connected components (the one-module partition when the graph is connected).
            var components = Components(g);
            Assert.True(result.Codelength <= DenseMapEquation.Codelength(a, components) + 1e-10);
            if (components.All(x => x == 0))
            {
                Assert.True(result.Codelength <= result.OneLevelCodelength + 1e-10);
            }
        });
    }

    /// <summary>Each node's connected component, by repeated label propagation (independent of the engine's split).</summary>
    private static int[] Components(UndirectedGraph g)
    {
        var label = Enumerable.Range(0, g.NodeCount).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            for (var v = 0; v < g.NodeCount; v++)
            {
                var neighbors = g.Neighbors(v);
                var weights = g.Weights(v);
                for (var i = 0; i < neighbors.Length; i++)
                {
                    if (weights[i] > 0 && label[neighbors[i]] < label[v])
                    {
                        label[v] = label[neighbors[i]];
                        changed = true;
                    }
                    else if (weights[i] > 0 && label[v] < label[neighbors[i]])
                    {
                        label[neighbors[i]] = label[v];
                        changed = true;
                    }
                }
            }
        }

        return label;
    }
}
