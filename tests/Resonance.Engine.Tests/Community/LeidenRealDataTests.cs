using Resonance.Engine.Community;
using Resonance.Engine.Statistics;

namespace Resonance.Engine.Tests.Community;

/// <summary>Leiden and modularity on SNAP graphs, against python3-igraph 0.10.2 on the same symmetrisation
/// (<c>Graph(edges, directed=True).as_undirected(mode="each")</c>: one undirected edge per directed line, self-loops
/// kept). The igraph figures are from <c>bench/leiden-peers.sh</c> on this repository's machine.</summary>
public sealed class LeidenRealDataTests
{
    private static readonly ulong[] Seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    [Fact]
    public void Modularity_EmailEuCoreDepartments_MatchesIgraphOnTheSameSymmetrisation()
    {
        // igraph: u.modularity(departments) with u = as_undirected(mode="each").
        var g = RealGraphs.EmailEuCore();
        Assert.Equal(1005, g.NodeCount);
        Assert.Equal(25571, g.TotalWeight);
        Assert.Equal(0.31550491081535154, Modularity.Compute(g, RealGraphs.EmailDepartments()), 1e-12);
    }

    [Fact]
    public void Leiden_EmailEuCore_ConnectedCommunitiesAndModularityAtLeastIgraphs()
    {
        var g = RealGraphs.EmailEuCore();
        var results = Seeds.Select(s => CommunityChecks.RunLeiden(g, new LeidenOptions { Seed = s })).ToArray();

        Assert.All(results, r => Assert.Empty(CommunityChecks.DisconnectedCommunities(g, r.Membership)));
        // Issue #5 quotes igraph's best as Q 0.412–0.413 (measured on the simplified graph); every run must clear it.
        Assert.All(results, r => Assert.True(r.Quality >= 0.412, $"seed {r.Seed}: Q = {r.Quality}"));
        // Same graph: igraph community_leiden(objective_function="modularity") over 50 seeds has mean Q 0.4395 (best 0.4403).
        var mean = results.Average(r => r.Quality);
        Assert.True(mean >= 0.4395, $"mean Q {mean:F4} is below igraph's mean 0.4395");
    }

    [Fact]
    public void Leiden_EmailEuCore_NmiAgainstDepartmentsAtLeastIgraphsAtResolutionOne()
    {
        // Modularity at γ = 1 recovers departments no better than igraph does (its 50-seed mean NMI is 0.579): the
        // modularity optimum merges small departments (resolution limit), so NMI stays below 0.60 on average.
        var g = RealGraphs.EmailEuCore();
        var departments = RealGraphs.EmailDepartments();
        var nmi = Seeds.Select(s => NormalizedMutualInformation.Compute(CommunityChecks.RunLeiden(g, new LeidenOptions { Seed = s }).Membership, departments)).ToArray();
        Assert.True(nmi.Average() >= 0.579, $"mean NMI {nmi.Average():F4} is below igraph's 0.579");
    }

    [Fact]
    public void Leiden_EmailEuCore_HigherResolutionReachesTheIssuesNmiAtModularityAboveIgraphsQuotedBest()
    {
        // γ = 1.25 gives about 30 communities instead of 27: NMI rises above 0.60 while modularity (at γ = 1) stays
        // above the 0.412 the issue quotes for igraph, though below igraph's 0.4395 on this graph.
        var g = RealGraphs.EmailEuCore();
        var departments = RealGraphs.EmailDepartments();
        var results = Seeds.Select(s => CommunityChecks.RunLeiden(g, new LeidenOptions { Seed = s, Resolution = 1.25 })).ToArray();
        var nmi = results.Select(r => NormalizedMutualInformation.Compute(r.Membership, departments)).ToArray();

        Assert.True(nmi.Average() >= 0.60, $"mean NMI {nmi.Average():F4}");
        Assert.All(results, r => Assert.True(Modularity.Compute(g, r.Membership) >= 0.412));
        Assert.All(results, r => Assert.Empty(CommunityChecks.DisconnectedCommunities(g, r.Membership)));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Leiden_SocSlashdot0902_ConnectedCommunitiesAndModularityAtLeastIgraphs()
    {
        var g = RealGraphs.SocSlashdot0902();
        Assert.Equal(82168, g.NodeCount);
        Assert.Equal(948464, g.TotalWeight);
        var result = CommunityChecks.RunLeiden(g, new LeidenOptions());

        Assert.Empty(CommunityChecks.DisconnectedCommunities(g, result.Membership));
        // Issue #5: igraph's Louvain 0.350 (simplified graph). Same graph: igraph's Leiden, 5 seeds, mean 0.3973, best 0.3995.
        Assert.True(result.Quality >= 0.3973, $"Q = {result.Quality:F4}");
        Assert.True(result.Converged);
    }
}
