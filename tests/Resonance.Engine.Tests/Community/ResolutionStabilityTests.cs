using Resonance.Engine.Community;

namespace Resonance.Engine.Tests.Community;

/// <summary>The stability scan on email-Eu-core: seeded, in [0, 1], and the most stable point is the one picked.</summary>
public sealed class ResolutionStabilityTests
{
    [Fact]
    public void Scan_EmailEuCore_IsReproducible_AndPicksTheMostStableResolution()
    {
        var g = RealGraphs.EmailEuCore();
        double[] grid = [0.5, 1.0, 2.0];

        var first = ResolutionStability.Scan(g, grid, 4, new LeidenOptions(), TestContext.Current.CancellationToken);
        var second = ResolutionStability.Scan(g, grid, 4, new LeidenOptions(), TestContext.Current.CancellationToken);
        var best = ResolutionStability.MostStable(first);

        Assert.Equal(first.Select(p => p.Stability), second.Select(p => p.Stability));
        Assert.All(first, p => Assert.InRange(p.Stability, 0.0, 1.0));
        Assert.All(first, p => Assert.Equal(4, p.Results.Count));
        Assert.Equal(first.Max(p => p.Stability), best.Stability);
        // Higher resolution, more communities: the scan really changes γ.
        Assert.True(first[0].Results.Average(r => r.CommunityCount) < first[2].Results.Average(r => r.CommunityCount));
        Assert.Equal(9, ResolutionStability.DefaultGrid.Count);
        Assert.Equal(1.0, ResolutionStability.DefaultGrid[4]);
    }

    [Fact]
    public void MostStable_Ties_GoToTheResolutionClosestToOne()
    {
        ResolutionStability.Point P(double gamma, double stability) => new(gamma, stability, []);

        Assert.Equal(1.0, ResolutionStability.MostStable([P(0.5, 0.9), P(1.0, 0.9), P(2.0, 0.9)]).Resolution);
        Assert.Equal(0.8, ResolutionStability.MostStable([P(0.8, 0.9), P(1.5, 0.9)]).Resolution);
        Assert.Equal(0.5, ResolutionStability.MostStable([P(2.0, 0.9), P(0.5, 0.9)]).Resolution);
        Assert.Equal(2.0, ResolutionStability.MostStable([P(1.0, 0.5), P(2.0, 0.95)]).Resolution);
    }
}
