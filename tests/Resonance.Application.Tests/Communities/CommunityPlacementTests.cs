using Resonance.Application.Communities;

namespace Resonance.Application.Tests.Communities;

/// <summary>The rule that decides when "top X% in the community" is said instead of the global standing.</summary>
public sealed class CommunityPlacementTests
{
    private static CommunityPlacement Placement(int rank, int scored, double globalShare) =>
        new(new CommunitySummary(12, scored + 10, scored), new CommunityStanding(1, 12, rank, 3), new CommunityLabel("Community 12 (…)", [], []),
            (double)rank / scored, globalShare);

    [Theory]
    [InlineData(3, 100, 0.40, true)]    // top 3% of its community, 40% globally: the community says more
    [InlineData(10, 100, 0.40, true)]   // exactly the top 10%
    [InlineData(11, 100, 0.40, false)]  // top 11%: not notable
    [InlineData(3, 100, 0.05, false)]   // already in the global top 10%: the global standing says it
    [InlineData(1, 19, 0.60, false)]    // fewer than 20 scored members: "top 6%" would be one account
    [InlineData(2, 20, 0.60, true)]
    public void Preferred_FollowsTheDocumentedRule(int rank, int scored, double globalShare, bool preferred) =>
        Assert.Equal(preferred, Placement(rank, scored, globalShare).Preferred);

    [Theory]
    [InlineData(0.0003, "top 1%")]
    [InlineData(0.03, "top 3%")]
    [InlineData(0.0301, "top 4%")]
    [InlineData(1.0, "top 100%")]
    public void TopPercent_RoundsUpToAWholePercent(double share, string text) => Assert.Equal(text, CommunityPlacement.TopPercent(share));

    [Fact]
    public void Text_SaysTheShareInTheLabelledCommunity() =>
        Assert.Equal("top 3% in Community 12 (…)", Placement(3, 100, 0.4).Text);
}
