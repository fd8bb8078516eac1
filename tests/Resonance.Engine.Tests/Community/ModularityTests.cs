using CsCheck;
using Resonance.Engine.Community;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Community;

public sealed class ModularityTests
{
    private static readonly Gen<(EdgeList List, int[] Membership, double Resolution)> Cases =
        from list in EdgeLists.Random(12, 50, weighted: true)
        from membership in Gen.Int[0, 4].Array[list.NodeCount]
        from resolution in Gen.Int[0, 12].Select(i => i / 4.0)
        select (list, membership, resolution);

    [Fact]
    public void Modularity_RandomWeightedGraphsWithSelfLoops_MatchesDenseReference()
    {
        FixedSeed.ForAll(Cases, 300, 100_000, c =>
        {
            var g = UndirectedGraph.FromDirected(c.List.Build());
            var expected = DenseQuality.Modularity(DenseQuality.Adjacency(c.List), c.Membership, c.Resolution);
            var actual = Modularity.Compute(g, c.Membership, c.Resolution);
            if (g.TotalWeight == 0)
            {
                Assert.True(double.IsNaN(actual));
                return;
            }

            Assert.Equal(expected, actual, 1e-12);
        });
    }

    [Fact]
    public void ConstantPottsModel_RandomWeightedGraphsWithSelfLoops_MatchesDenseReference()
    {
        FixedSeed.ForAll(Cases, 300, 110_000, c =>
        {
            var g = UndirectedGraph.FromDirected(c.List.Build());
            var expected = DenseQuality.Cpm(DenseQuality.Adjacency(c.List), c.Membership, c.Resolution);
            Assert.Equal(expected, ConstantPottsModel.Compute(g, c.Membership, c.Resolution), 1e-9);
        });
    }

    [Fact]
    public void Modularity_KarateClubSplits_MatchNetworkx()
    {
        // networkx 2.8.8: nx.community.modularity(karate_club_graph(), split, weight=None).
        var g = KarateClub.Graph();
        Assert.Equal(0.3582347140039448, Modularity.Compute(g, KarateClub.Split()), 1e-14);
        // Member 8 (0-based) on the officer's side: the split usually quoted with Q ≈ 0.3715.
        Assert.Equal(0.37146614069691, Modularity.Compute(g, KarateClub.Split(8)), 1e-14);
    }

    [Fact]
    public void Modularity_RenamedCommunities_Unchanged()
    {
        var g = KarateClub.Graph();
        var split = KarateClub.Split(8);
        var renamed = split.Select(c => c == 0 ? -17 : 1_000_000).ToArray();
        Assert.Equal(Modularity.Compute(g, split), Modularity.Compute(g, renamed), 1e-15);
    }

    [Fact]
    public void Modularity_OneCommunityHoldingEverything_IsZero()
    {
        var g = KarateClub.Graph();
        Assert.Equal(0.0, Modularity.Compute(g, new int[34]), 1e-15);
    }

    [Fact]
    public void Modularity_EdgelessGraph_IsNaNAsInIgraph()
    {
        Assert.True(double.IsNaN(Modularity.Compute(UndirectedGraph.FromEdges(3, [], []), [0, 1, 2])));
    }

    [Fact]
    public void Modularity_BadArguments_Throw()
    {
        var g = KarateClub.Graph();
        Assert.Throws<ArgumentException>(() => Modularity.Compute(g, new int[33]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Modularity.Compute(g, new int[34], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConstantPottsModel.Compute(g, new int[34], double.NaN));
    }
}
