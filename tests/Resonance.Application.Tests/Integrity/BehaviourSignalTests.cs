using Resonance.Application.Integrity.Signals;
using Resonance.Domain;

namespace Resonance.Application.Tests.Integrity;

/// <summary>Each behavioural signal on small hand-made logs: it fires on the pattern it names and stays 0 on a human one.</summary>
public sealed class BehaviourSignalTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Interaction I(string actor, string target, InteractionKind kind, double minutes) =>
        new("x", T0.AddMinutes(minutes), actor, target, kind);

    private static ActivityLog Log(IEnumerable<Interaction> interactions, IReadOnlyList<Post>? posts = null) =>
        ActivityLog.Build([], posts ?? [], [.. interactions]);

    private static double Score(IBehaviourSignal s, ActivityLog log, string id) =>
        s.Compute(log).Scores[Array.BinarySearch(log.AccountIds, id, StringComparer.Ordinal)];

    [Fact]
    public void Rate_fires_on_sixty_likes_in_an_hour_but_not_on_the_same_likes_over_a_day()
    {
        var burst = Log(Enumerable.Range(0, 60).Select(k => I("bot", $"p{k}", InteractionKind.Like, k)));
        var spread = Log(Enumerable.Range(0, 60).Select(k => I("human", $"p{k}", InteractionKind.Like, k * 24)));

        Assert.Equal(60, new RateSignal().Compute(burst).Values[Array.BinarySearch(burst.AccountIds, "bot", StringComparer.Ordinal)]);
        Assert.Equal(1, Score(new RateSignal(), burst, "bot"));
        Assert.Equal(0, Score(new RateSignal(), spread, "human"));
    }

    [Fact]
    public void Follow_churn_counts_distinct_follows_within_a_day()
    {
        var mass = Log(Enumerable.Range(0, 80).Select(k => I("farm", $"p{k}", InteractionKind.Follow, k * 10)));
        var slow = Log(Enumerable.Range(0, 80).Select(k => I("human", $"p{k}", InteractionKind.Follow, k * 1_440)));

        Assert.Equal(1, Score(new FollowChurnSignal(), mass, "farm"));
        Assert.Equal(0, Score(new FollowChurnSignal(), slow, "human"));
    }

    [Fact]
    public void No_selectivity_fires_when_an_account_engages_most_authors()
    {
        var posts = Enumerable.Range(0, 50).Select(k => new Post("x", $"post{k}", $"p{k}", T0)).ToArray();
        var everyone = Log(Enumerable.Range(0, 50).Select(k => I("bot", $"p{k}", InteractionKind.Like, k * 100)), posts);
        var few = Log(Enumerable.Range(0, 50).Select(k => I("human", $"p{k % 2}", InteractionKind.Like, k * 100)), posts);

        Assert.Equal(1, Score(new SelectivitySignal(), everyone, "bot"));
        Assert.Equal(0, Score(new SelectivitySignal(), few, "human"));
    }

    [Fact]
    public void Pod_fires_inside_a_clique_of_mutual_engagers_but_not_on_a_star_of_mutual_friends()
    {
        var members = Enumerable.Range(0, 10).Select(k => $"m{k}").ToArray();
        var clique = Log(from a in members from b in members where a != b from r in Enumerable.Range(0, 2) select I(a, b, InteractionKind.Like, r));
        var friends = Enumerable.Range(0, 10).Select(k => $"f{k}").ToArray();
        var star = Log(friends.SelectMany(f => new[] { I("hub", f, InteractionKind.Reply, 1), I(f, "hub", InteractionKind.Reply, 2) }));

        Assert.Equal(1, Score(new PodSignal(), clique, "m0"));
        Assert.Equal(0, Score(new PodSignal(), star, "hub"));
    }

    [Fact]
    public void Follow_back_fires_when_nearly_every_follow_turns_mutual_within_a_day()
    {
        var followers = Enumerable.Range(0, 20).Select(k => $"f{k}").ToArray();
        var farm = Log(followers.SelectMany((f, k) => new[] { I(f, "farm", InteractionKind.Follow, k * 100), I("farm", f, InteractionKind.Follow, (k * 100) + 5) }));
        var late = Log(followers.SelectMany((f, k) => new[] { I(f, "human", InteractionKind.Follow, k * 100), I("human", f, InteractionKind.Follow, (k * 100) + 5_000) }));

        Assert.Equal(1, Score(new FollowBackFarmSignal(), farm, "farm"));
        Assert.Equal(0, Score(new FollowBackFarmSignal(), late, "human"));
    }

    [Fact]
    public void Near_duplicate_fires_on_a_template_with_changing_numbers_but_not_on_varied_text()
    {
        var spam = Enumerable.Range(0, 10).Select(k => new Post("x", $"s{k}", "bot", T0, $"Win {k * 37} free coins now at the best crypto giveaway of the year")).ToArray();
        string[] topics = ["gardening", "tomatoes", "compost", "pruning", "irrigation", "seedlings", "mulch", "greenhouse", "orchard", "soil"];
        var varied = topics.Select((t, k) => new Post("x", $"h{k}", "human", T0, $"Today I learned something new about {t} and the {k} ways it changes everything")).ToArray();
        var log = Log([], [.. spam, .. varied]);

        Assert.Equal(1, Score(new NearDuplicateSignal(), log, "bot"));
        Assert.Equal(0, Score(new NearDuplicateSignal(), log, "human"));
    }

    [Fact]
    public void MinHash_similarity_estimates_jaccard_and_folds_digits()
    {
        var a = MinHash.Signature("buy 100 followers today at the best price")!;
        var b = MinHash.Signature("Buy 250 followers today, at the best price!")!;
        var c = MinHash.Signature("a quiet walk along the river at dawn with coffee")!;

        Assert.Equal(1.0, MinHash.Similarity(a, b));
        Assert.True(MinHash.Similarity(a, c) < 0.2);
        Assert.Null(MinHash.Signature("  ,. "));
    }
}
