using Resonance.Application.Integrity;
using Resonance.Engine.Trust;

namespace Resonance.Application.Tests.Integrity;

public sealed class TrustLabelsTests
{
    // Users 10, 20, 30, 40, 50 become nodes 0..4. Received from others: 10 gets −3, −2, +1 (net −4: untrusted, three
    // raters, one positive); 20 gets +5, +1 (its self-rating is ignored); 30 gets +1 and +2 from the same rater; 40 gets
    // −1 (untrusted, no positive rater); 50 is never rated, so it is not evaluated.
    private static readonly SignedRating[] Ratings =
    [
        new(10, 20, 5), new(30, 20, 1), new(20, 10, -3), new(30, 10, -2), new(40, 10, 1),
        new(20, 20, 10), new(10, 30, 1), new(10, 30, 2), new(50, 40, -1),
    ];

    [Fact]
    public void From_HandExample_LabelsCountsAndIgnoresSelfRatings()
    {
        var labels = TrustLabels.From(Ratings);

        Assert.Equal([10L, 20, 30, 40, 50], labels.UserIds);
        Assert.Equal([true, true, true, true, false], labels.Evaluated);
        Assert.Equal([true, false, false, true, false], labels.Untrusted);
        Assert.Equal([3, 2, 1, 1, 0], labels.Raters);
        Assert.Equal([1, 2, 1, 0, 0], labels.PositiveRaters);
        Assert.Equal(3, labels.NodeOf(40));
        Assert.True(labels.NodeOf(41) < 0);
    }

    [Fact]
    public void TopByPositiveRaters_TiesGoToTheLowerUserId()
    {
        var labels = TrustLabels.From(Ratings);

        Assert.Equal([1, 0], labels.TopByPositiveRaters(2));
        Assert.Equal([1, 0, 2, 3, 4], labels.TopByPositiveRaters(50));
    }

    [Fact]
    public void Auc_CountsOnlyEvaluatedUsersWithTrustedAsPositive()
    {
        var labels = TrustLabels.From(Ratings);

        // Trusted 20 and 30 above untrusted 10 and 40; user 50's score is not evaluated.
        Assert.Equal(1.0, labels.Auc([0, 5, 3, 1, 9]));
        // Pairs (trusted, untrusted): (3, 3) tie, (3, 0) right, (1, 3) wrong, (1, 0) right: 2.5 / 4.
        Assert.Equal(0.625, labels.Auc([3, 3, 1, 0, -7]));
        Assert.Throws<ArgumentException>(() => labels.Auc([1, 2, 3]));
    }

    [Fact]
    public void Walk_OverEndorsements_IgnoresNegativeRatings()
    {
        var labels = TrustLabels.From(Ratings);
        var ct = TestContext.Current.CancellationToken;

        // Seeded at 20, whose only rating of another user is negative: it endorses nobody and keeps all the trust.
        var endorsements = TrustEvaluation.Walk(labels, Ratings, TrustWalk.Endorsements, [1], iterations: 3, ct: ct);
        Assert.Equal([0.0, 1, 0, 0, 0], endorsements.Trust);
        Assert.Equal(1.0 / 6, endorsements.Scores[1], 1e-15);

        // Over all interactions its distrust of 10 is an edge like any other and passes 10 trust.
        var structure = TrustEvaluation.Walk(labels, Ratings, TrustWalk.StructureOnly, [1], iterations: 1, ct: ct);
        Assert.Equal([1.0, 0, 0, 0, 0], structure.Trust);
        Assert.Equal(TrustDirection.Forward, TrustWalk.StructureOnly.Direction);
        Assert.Throws<ArgumentException>(() => TrustEvaluation.Walk(labels, [new SignedRating(10, 99, 1)], TrustWalk.Endorsements, [1], ct: ct));
    }

    [Fact]
    public void Run_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => TrustEvaluation.Run([], ct: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentException>(() => TrustEvaluation.Run([new SignedRating(1, 2, double.NaN)], ct: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrustEvaluation.Run(Ratings, new TrustEvaluationOptions { SeedCount = 0 }, TestContext.Current.CancellationToken));
    }
}
