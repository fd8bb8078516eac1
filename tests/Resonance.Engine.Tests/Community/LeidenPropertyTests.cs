using CsCheck;
using Resonance.Engine.Community;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Community;

public sealed class LeidenPropertyTests
{
    // Randomness 0 is the greedy refinement, 0.01 the default, 1e6 a uniform draw among the eligible sub-communities.
    private static readonly Gen<(EdgeList List, LeidenObjective Objective, double Resolution, double Randomness, ulong Seed)> Cases =
        from list in EdgeLists.Random(14, 45, weighted: true)
        from objective in Gen.Int[0, 1].Select(i => (LeidenObjective)i)
        from resolution in Gen.Int[1, 12].Select(i => i / 4.0)
        from randomness in Gen.OneOfConst(0.0, 0.01, 1e6)
        from seed in Gen.ULong
        select (list, objective, objective == LeidenObjective.Cpm ? resolution / 4 : resolution, randomness, seed);

    private static LeidenOptions Options((EdgeList List, LeidenObjective Objective, double Resolution, double Randomness, ulong Seed) c, double tolerance = 1e-3) =>
        new() { Objective = c.Objective, Resolution = c.Resolution, Randomness = c.Randomness, Seed = c.Seed, Tolerance = tolerance };

    [Fact]
    public void Leiden_RandomGraphs_EveryCommunityIsConnected()
    {
        FixedSeed.ForAll(Cases, 400, 400_000, c =>
        {
            var g = UndirectedGraph.FromDirected(c.List.Build());
            var result = CommunityChecks.RunLeiden(g, Options(c));
            Assert.Empty(CommunityChecks.DisconnectedCommunities(g, result.Membership));
        });
    }

    [Fact]
    public void Leiden_RandomGraphs_QualityMatchesDenseReferenceAndBeatsSingletons()
    {
        FixedSeed.ForAll(Cases, 400, 500_000, c =>
        {
            var g = UndirectedGraph.FromDirected(c.List.Build());
            var result = CommunityChecks.RunLeiden(g, Options(c));
            var a = DenseQuality.Adjacency(c.List);
            var singletons = Enumerable.Range(0, g.NodeCount).ToArray();
            if (c.Objective == LeidenObjective.Cpm)
            {
                Assert.Equal(DenseQuality.Cpm(a, result.Membership, c.Resolution), result.Quality, 1e-9);
                Assert.True(result.Quality >= DenseQuality.Cpm(a, singletons, c.Resolution) - 1e-9);
            }
            else if (g.TotalWeight > 0)
            {
                Assert.Equal(DenseQuality.Modularity(a, result.Membership, c.Resolution), result.Quality, 1e-12);
                Assert.True(result.Quality >= DenseQuality.Modularity(a, singletons, c.Resolution) - 1e-12);
            }
        });
    }

    [Fact]
    public void Leiden_RandomGraphs_StablePartitionHasNoImprovingSingleNodeMove()
    {
        // Tolerance 0: the run stops only when an iteration leaves the partition unchanged, and then no single node can
        // raise the quality by moving to another community or to a new one of its own (checked with the dense reference).
        FixedSeed.ForAll(Cases, 200, 600_000, c =>
        {
            var g = UndirectedGraph.FromDirected(c.List.Build());
            if (c.Objective == LeidenObjective.Modularity && g.TotalWeight == 0)
            {
                return;
            }

            var result = CommunityChecks.RunLeiden(g, Options(c, tolerance: 0));
            Assert.True(result.Converged);
            var a = DenseQuality.Adjacency(c.List);
            double Quality(int[] m) => c.Objective == LeidenObjective.Cpm ? DenseQuality.Cpm(a, m, c.Resolution) : DenseQuality.Modularity(a, m, c.Resolution);
            var current = Quality(result.Membership);
            var moved = (int[])result.Membership.Clone();
            for (var v = 0; v < g.NodeCount; v++)
            {
                for (var target = 0; target <= result.CommunityCount; target++)
                {
                    moved[v] = target;
                    Assert.True(Quality(moved) <= current + 1e-10, $"moving node {v} to community {target} improves the quality");
                }

                moved[v] = result.Membership[v];
            }
        });
    }

    [Fact]
    public void Leiden_RandomGraphs_MembershipIsDenseAndNumberedBySmallestMember()
    {
        FixedSeed.ForAll(Cases, 200, 700_000, c =>
        {
            var result = CommunityChecks.RunLeiden(UndirectedGraph.FromDirected(c.List.Build()), Options(c));
            Assert.True(CommunityChecks.IsNumberedBySmallestMember(result.Membership));
            Assert.Equal(result.Membership.Length == 0 ? 0 : result.Membership.Max() + 1, result.CommunityCount);
        });
    }
}
