using Resonance.Application.Integrity;
using Resonance.Application.Integrity.Signals;
using Resonance.Application.Tests.Synthetic;
using Resonance.Domain;

namespace Resonance.Application.Tests.Integrity;

/// <summary>The true churn part of <see cref="FollowChurnSignal"/>: the share of follows undone within 7 days, on hand-made
/// patterns and on the generated community (which has no unfollows).</summary>
public sealed class FollowChurnSignalTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Interaction I(string actor, string target, InteractionKind kind, double hours) =>
        new("x", T0.AddHours(hours), actor, target, kind);

    private static (double Value, double Score, string? Note) Result(ActivityLog log, string id)
    {
        var r = new FollowChurnSignal().Compute(log);
        var a = Array.BinarySearch(log.AccountIds, id, StringComparer.Ordinal);
        return (r.Values[a], r.Scores[a], r.Notes?[a]);
    }

    /// <summary>50 follows, 5 a day (far under the volume part's limit of 15), 45 of them undone after 30 hours.</summary>
    private static IEnumerable<Interaction> Churner(string id) =>
        Enumerable.Range(0, 50).SelectMany(k => k < 45
            ? new[] { I(id, $"t{k}", InteractionKind.Follow, k * 4.8), I(id, $"t{k}", InteractionKind.Unfollow, (k * 4.8) + 30) }
            : [I(id, $"t{k}", InteractionKind.Follow, k * 4.8)]);

    [Fact]
    public void A_churner_who_follows_50_and_unfollows_45_within_days_fires_on_the_churn_part()
    {
        var log = ActivityLog.Build([], [], [.. Churner("churner")]);

        var (value, score, note) = Result(log, "churner");

        Assert.Equal(0.9, value, 12);
        Assert.Equal(1, score);
        Assert.Equal(FollowChurnSignal.ChurnNote(50), note);
    }

    [Fact]
    public void A_person_who_unfollows_a_few_over_months_does_not_fire()
    {
        // 60 follows, one every 3 days; 5 of them undone, each 40 days after the follow.
        var person = Enumerable.Range(0, 60).Select(k => I("person", $"t{k}", InteractionKind.Follow, k * 72))
            .Concat(Enumerable.Range(0, 5).Select(k => I("person", $"t{k * 10}", InteractionKind.Unfollow, (k * 10 * 72) + (40 * 24))));
        // The same person tidying up quickly: 5 of 60 undone within a day is still under the human share (20%).
        var tidy = Enumerable.Range(0, 60).Select(k => I("tidy", $"t{k}", InteractionKind.Follow, k * 72))
            .Concat(Enumerable.Range(0, 5).Select(k => I("tidy", $"t{k * 10}", InteractionKind.Unfollow, (k * 10 * 72) + 20)));
        var log = ActivityLog.Build([], [], [.. person, .. tidy]);

        Assert.Equal((1, 0, null), Result(log, "person"));
        Assert.Equal((1, 0, null), Result(log, "tidy"));
    }

    [Fact]
    public void Too_few_follows_are_not_judged()
    {
        // The churner's first 19 follows, every one undone: one short of the minimum of 20.
        var log = ActivityLog.Build([], [], [.. Churner("churner").Where(i => int.Parse(i.TargetId[1..], System.Globalization.CultureInfo.InvariantCulture) < 19)]);

        Assert.Equal(0, Result(log, "churner").Score);
    }

    [Fact]
    public void On_the_generated_community_unfollows_change_only_the_churner_and_the_rest_keeps_its_volume_scores()
    {
        var records = SyntheticSample.Default.Records;
        var plain = new FollowChurnSignal().Compute(ActivityLog.FromRecords(records));
        var churned = ActivityLog.FromRecords([.. records, .. Churner("zz-churner").Select((i, k) => SourceRecord.Of(1_000_000 + k, i))]);
        var withChurner = new FollowChurnSignal().Compute(churned);

        Assert.Null(plain.Notes);
        var c = Array.BinarySearch(churned.AccountIds, "zz-churner", StringComparer.Ordinal);
        Assert.Equal(1, withChurner.Scores[c]);
        var plainLog = ActivityLog.FromRecords(records);
        foreach (var a in Enumerable.Range(0, churned.AccountCount).Where(a => a != c))
        {
            // Accounts only the churner names (its targets) are not in the plain log; they follow no one.
            var p = Array.BinarySearch(plainLog.AccountIds, churned.AccountIds[a], StringComparer.Ordinal);
            if (p < 0)
            {
                Assert.Equal(0, withChurner.Values[a]);
                continue;
            }

            Assert.Equal(plain.Values[p], withChurner.Values[a]);
            Assert.Equal(plain.Scores[p], withChurner.Scores[a]);
            Assert.Null(withChurner.Notes![a]);
        }
        Assert.Contains(plain.Scores, s => s == 1);
    }

    [Fact]
    public void The_churn_part_reaches_the_likelihood_and_its_reason_names_it()
    {
        var model = InauthenticityModel.Evaluate(ActivityLog.Build([], [], [.. Churner("churner")]));
        var a = Array.BinarySearch(model.Log.AccountIds, "churner", StringComparer.Ordinal);

        Assert.Equal(1, model.Likelihood[a]);
        Assert.Contains(model.Reasons(a), r => r.Signal == "follow-churn" && r.Description == FollowChurnSignal.ChurnNote(50));
    }
}
