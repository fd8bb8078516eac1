using Resonance.Application.Scoring;
using Resonance.Domain;
using Resonance.Tests.Shared;

namespace Resonance.Application.Tests.Scoring;

/// <summary>Unfollows in the engagement graph (<see cref="UndoneFollows"/>): a follow undone by a later unfollow counts as
/// neither, an unfollow is never engagement, and a re-follow stands; on real Higgs activity.</summary>
public sealed class UndoneFollowsTests
{
    private const string Higgs = "higgs-twitter/higgs-activity_time.txt";
    private const long Hour = 3_600_000;

    private static readonly Lazy<ScoringInput> HiggsInput = new(() => ScoringInputs.FromFile(SharedData.File(Higgs), "higgs-activity").Input);

    private static ScoringParameters V(int version, ScoringInput input) =>
        ScoringAlgorithms.Defaults(new AlgorithmId("resonance", version), input.LatestTimeMs!.Value);

    /// <summary>Follows between pairs of accounts that already engage in Higgs (so no new account enters the graph), at
    /// the time of that engagement minus an hour.</summary>
    private static List<(long Actor, long Target, InteractionKind Kind, long TimeMs)> Follows(ScoringInput input, int count) =>
        [.. Enumerable.Range(0, count).Select(k => k * 97).Select(i => (input.ActorIds[i], input.TargetIds[i], InteractionKind.Follow, input.TimesMs[i] - Hour))];

    private static void AssertSameGraph(EngagementGraph expected, EngagementGraph actual)
    {
        Assert.Equal(expected.AccountIds, actual.AccountIds);
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected.Targets, actual.Targets);
        Assert.Equal(expected.EdgeWeights, actual.EdgeWeights);
        Assert.Equal(expected.EngagementCounts, actual.EngagementCounts);
        Assert.Equal(expected.ReachTerms, actual.ReachTerms);
        Assert.Equal(expected.InteractionsUsed, actual.InteractionsUsed);
    }

    [Fact]
    public void A_follow_undone_by_a_later_unfollow_leaves_the_graph_as_without_either()
    {
        var input = HiggsInput.Value;
        var p = V(1, input);
        var follows = Follows(input, 200);
        var unfollows = follows.Select(f => (f.Actor, f.Target, InteractionKind.Unfollow, f.TimeMs + (3 * Hour))).ToList();

        var plain = EngagementGraph.Build(input, p);
        var followed = EngagementGraph.Build(ScoringInputs.With(input, follows), p);
        var undone = EngagementGraph.Build(ScoringInputs.With(input, [.. follows, .. unfollows]), p);

        Assert.NotEqual(plain.EdgeWeights, followed.EdgeWeights);
        AssertSameGraph(plain, undone);
    }

    [Fact]
    public void An_unfollow_before_the_follow_undoes_nothing_and_a_refollow_stands()
    {
        var input = HiggsInput.Value;
        var p = V(1, input);
        var follows = Follows(input, 200);
        var earlier = follows.Select(f => (f.Actor, f.Target, InteractionKind.Unfollow, f.TimeMs - Hour)).ToList();

        var followed = EngagementGraph.Build(ScoringInputs.With(input, follows), p);
        var refollowed = EngagementGraph.Build(ScoringInputs.With(input, [.. earlier, .. follows]), p);

        AssertSameGraph(followed, refollowed);
    }

    [Fact]
    public void In_resonance_2_a_churner_who_undoes_45_of_50_follows_within_hours_counts_nothing()
    {
        var input = HiggsInput.Value;
        var p = V(2, input);
        var start = input.TimesMs.Where(t => t != ScoringInput.Untimed).Min();
        var churner = input.ActorIds[0];
        var targets = input.TargetIds.Where(t => t != churner).Distinct().Order().Take(50).ToArray();
        // About 10 follows a day, under the volume part's human limit of 15: only the unfollows can give it away.
        var follows = targets.Select((t, k) => (churner, t, InteractionKind.Follow, start + (k * 5 * Hour / 2))).ToList();
        var unfollows = follows.Take(45).Select(f => (f.churner, f.t, InteractionKind.Unfollow, f.Item4 + Hour)).ToList();

        double Weight(EngagementGraph g) => g.EngagerWeights![Array.BinarySearch(g.AccountIds, churner)];
        var followed = EngagementGraph.Build(ScoringInputs.With(input, follows), p);
        var churned = EngagementGraph.Build(ScoringInputs.With(input, [.. follows, .. unfollows]), p);

        Assert.True(Weight(followed) > 0.5, $"weight {Weight(followed)} without unfollows");
        Assert.Equal(0, Weight(churned));
    }

    [Fact]
    public void Rows_without_unfollows_come_back_as_they_are()
    {
        var input = HiggsInput.Value;
        var kept = EngagementGraph.Kept(input, V(1, input));

        var (standing, undone) = UndoneFollows.Split(input, kept);

        Assert.Same(kept, standing);
        Assert.Empty(undone);
    }

    [Fact]
    public void An_untimed_unfollow_undoes_every_follow_of_its_pair_and_nothing_else()
    {
        var input = ScoringInputs.Of(
            (1, 2, InteractionKind.Follow, 1_000), (1, 2, InteractionKind.Follow, ScoringInput.Untimed), (1, 2, InteractionKind.Like, 2_000),
            (1, 3, InteractionKind.Follow, 1_000), (1, 2, InteractionKind.Unfollow, ScoringInput.Untimed), (3, 2, InteractionKind.Follow, 500));

        var (standing, undone) = UndoneFollows.Split(input, [0, 1, 2, 3, 4, 5]);

        Assert.Equal([2, 3, 5], standing);
        Assert.Equal([0, 1, 4], undone);
    }
}
