using Resonance.Engine.Community;
using Resonance.Engine.Statistics;

namespace Resonance.Engine.Tests.Community;

/// <summary>Infomap on email-Eu-core, against its 42 departments (symmetrised as in <see cref="RealGraphs"/>: one
/// undirected edge per directed line, so a reciprocated pair weighs 2, self-loops kept).</summary>
public sealed class InfomapRealDataTests
{
    private static readonly ulong[] Seeds = [1, 2, 3, 4, 5];

    [Fact]
    public void Infomap_EmailEuCore_NmiAgainstDepartmentsAtLeastTheIssuesBarOnEverySeed()
    {
        // Issue #5 asks for NMI ≥ 0.60; igraph 0.10.2's community_infomap (10 trials) reaches 0.644–0.652 on the
        // collapsed weighted graph. Ours, 10 trials, seeds 1–5: 0.676, 0.674, 0.676, 0.676, 0.674 (bench/README.md).
        var g = RealGraphs.EmailEuCore();
        var departments = RealGraphs.EmailDepartments();
        var results = Seeds.Select(s => Infomap.Run(g, new InfomapOptions { Seed = s }, TestContext.Current.CancellationToken)).ToArray();
        var nmi = results.Select(r => NormalizedMutualInformation.Compute(r.Membership, departments)).ToArray();

        Assert.All(nmi, (x, i) => Assert.True(x >= 0.60, $"seed {Seeds[i]}: NMI {x:F4}"));
        Assert.All(results, r => Assert.Empty(CommunityChecks.DisconnectedCommunities(g, r.Membership)));
    }

    [Fact]
    public void Infomap_EmailEuCore_CodesTheWalkShorterThanLeidensPartitionAndOneModule()
    {
        // Infomap minimises the map equation: its partition must code the walk in fewer bits than Leiden's
        // modularity partition of the same graph, and than one module (9.1696 bits).
        var g = RealGraphs.EmailEuCore();
        var infomap = Infomap.Run(g, new InfomapOptions { Seed = 1 }, TestContext.Current.CancellationToken);
        var leiden = CommunityChecks.RunLeiden(g, new LeidenOptions { Seed = 1 });

        Assert.Equal(9.1696, infomap.OneLevelCodelength, 1e-4);
        Assert.True(infomap.Codelength < MapEquation.Codelength(g, leiden.Membership), $"Infomap {infomap.Codelength:F4} bits, Leiden {MapEquation.Codelength(g, leiden.Membership):F4}");
        Assert.True(infomap.Codelength < infomap.OneLevelCodelength - 0.5);
    }
}
