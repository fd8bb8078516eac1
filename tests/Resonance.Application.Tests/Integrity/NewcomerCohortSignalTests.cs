using Resonance.Application.Insights;
using Resonance.Application.Integrity;
using Resonance.Application.Integrity.Signals;
using Resonance.Domain;

namespace Resonance.Application.Tests.Integrity;

/// <summary>The newcomer cohort signal on hand-made logs: a cohort of audience-less newcomers on one target fires; organic
/// growth of the same size from accounts with history does not; a genuine newcomer alone loses nothing; the cohort loses
/// its voice only towards the target whose audience is anomalous.</summary>
public sealed class NewcomerCohortSignalTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int Size = 800;

    private static Interaction I(string actor, string target, InteractionKind kind, double days) => new("x", T0.AddDays(days), actor, target, kind);

    /// <summary>A 90-day community: 800 established accounts, present from day 0, each engaging 8 of the others (a ring) on
    /// days 1 to 89, so that every one of them is engaged by established accounts; "star" has 20 of them as engagers.</summary>
    private static List<Interaction> Community()
    {
        var list = new List<Interaction>();
        for (var a = 0; a < Size; a++)
        {
            list.Add(I($"e{a:D3}", $"e{(a + 1) % Size:D3}", InteractionKind.Follow, 0));
            for (var k = 1; k <= 8; k++)
            {
                list.Add(I($"e{a:D3}", $"e{(a + (k * 7)) % Size:D3}", InteractionKind.Like, 1 + ((a + k) % 88)));
            }
        }

        for (var a = 0; a < 20; a++)
        {
            list.Add(I($"e{a * 11:D3}", "star", InteractionKind.Reply, 5 + a));
        }

        list.Add(I("star", "e000", InteractionKind.Like, 0.5));
        return list;
    }

    /// <summary>Each of <paramref name="count"/> accounts engages the star three times in the last 30 days, and one random
    /// other account for cover.</summary>
    private static IEnumerable<Interaction> Fans(string prefix, int count) => Enumerable.Range(0, count).SelectMany(k => new[]
    {
        I($"{prefix}{k:D3}", "star", InteractionKind.Like, 61 + (k % 28)),
        I($"{prefix}{k:D3}", "star", InteractionKind.Reply, 62 + (k % 27)),
        I($"{prefix}{k:D3}", "star", InteractionKind.Repost, 63 + (k % 26)),
        I($"{prefix}{k:D3}", $"e{(k * 37) % Size:D3}", InteractionKind.Like, 64 + (k % 25)),
    });

    private static (CohortResult Cohort, Func<string, int> Index) Run(IEnumerable<Interaction> interactions)
    {
        var log = ActivityLog.Build([], [], [.. interactions]);
        return (NewcomerCohortSignal.Compute(log), id => Array.BinarySearch(log.AccountIds, id, StringComparer.Ordinal));
    }

    [Fact]
    public void A_cohort_of_audience_less_newcomers_on_one_target_fires()
    {
        var (c, at) = Run([.. Community(), .. Fans("new", 40)]);
        var star = at("star");

        Assert.True(c.Audienceless[at("new000")] && c.Audienceless[at("new039")]);
        Assert.Equal(40, c.Cohort[star]);
        Assert.Equal(60, c.Engagers[star]);
        Assert.True(c.Lift[star] >= NewcomerCohortSignal.CertainLift, $"lift {c.Lift[star]}, base rate {c.BaseRate}");
        Assert.Equal(1, c.Scores[star]);
        Assert.Equal(0, c.PairWeight(at("new000"), star));

        // The cohort keeps its voice everywhere else: the cover target's audience is ordinary.
        var cover = at("e000");
        Assert.Equal(0, c.Scores[cover]);
        Assert.Equal(1, c.PairWeight(at("new000"), cover));
    }

    [Fact]
    public void Audience_quality_leaves_the_cohort_out_for_the_anomalous_account_only_and_says_why()
    {
        var model = InauthenticityModel.Evaluate(ActivityLog.Build([], [], [.. Community(), .. Fans("new", 40)]));
        var quality = AudienceQuality.Compute(model).ToDictionary(q => q.AccountId);

        var star = quality["star"];
        Assert.Equal((60, 20, 40), (star.Engagers, star.Authentic, star.CohortNewcomers));
        Assert.Contains("40 of them are newcomers no established account engages", AudienceWords.Describe(star), StringComparison.Ordinal);
        // The cover account's newcomer engager still counts as authentic there.
        var cover = quality["e000"];
        Assert.Equal(0, cover.CohortNewcomers);
        Assert.Equal(cover.Engagers, cover.Authentic);
        Assert.DoesNotContain("newcomers", AudienceWords.Describe(cover), StringComparison.Ordinal);
    }

    [Fact]
    public void Organic_growth_of_the_same_size_from_accounts_with_history_does_not_fire()
    {
        // The same 40 fans, but each was active on day 2, long before the last 30 days.
        var history = Enumerable.Range(0, 40).Select(k => I($"old{k:D3}", $"e{(k * 13) % Size:D3}", InteractionKind.Like, 2));
        var (c, at) = Run([.. Community(), .. history, .. Fans("old", 40)]);
        var star = at("star");

        Assert.False(c.Newcomer[at("old000")]);
        Assert.Equal(0, c.Cohort[star]);
        Assert.Equal(0, c.Scores[star]);
    }

    [Fact]
    public void Newcomers_that_established_accounts_engage_are_not_audience_less()
    {
        // Each newcomer is replied to by an established account: somebody who was there before vouches for it.
        var vouched = Enumerable.Range(0, 40).Select(k => I($"e{(k * 5) % Size:D3}", $"new{k:D3}", InteractionKind.Reply, 89));
        var (c, at) = Run([.. Community(), .. Fans("new", 40), .. vouched]);

        Assert.True(c.Newcomer[at("new000")]);
        Assert.False(c.Audienceless[at("new000")]);
        Assert.Equal(0, c.Scores[at("star")]);
    }

    [Fact]
    public void Newcomers_engaging_each_other_do_not_escape()
    {
        var ring = Enumerable.Range(0, 40).Select(k => I($"new{k:D3}", $"new{(k + 1) % 40:D3}", InteractionKind.Like, 70));
        var (c, at) = Run([.. Community(), .. Fans("new", 40), .. ring]);

        Assert.True(c.Audienceless[at("new000")]);
        Assert.Equal(1, c.Scores[at("star")]);
    }

    [Fact]
    public void A_genuine_newcomer_alone_loses_nothing()
    {
        var (c, at) = Run([.. Community(), .. Fans("new", 1)]);
        var star = at("star");

        Assert.True(c.Audienceless[at("new000")]);
        Assert.Equal(1, c.Cohort[star]);
        Assert.Equal(0, c.Scores[star]);
        Assert.Equal(1, c.PairWeight(at("new000"), star));
    }

    [Fact]
    public void A_cohort_below_the_minimum_is_not_judged()
    {
        var (c, at) = Run([.. Community(), .. Fans("new", NewcomerCohortSignal.MinCohort - 1)]);

        Assert.Equal(0, c.Lift[at("star")]);
        Assert.Equal(0, c.Scores[at("star")]);
    }

    [Fact]
    public void The_result_does_not_depend_on_the_order_of_the_records()
    {
        List<Interaction> all = [.. Community(), .. Fans("new", 40), .. Fans("late", 12)];
        var shuffled = all.OrderBy(i => (i.ActorId.GetHashCode(StringComparison.Ordinal) * 31) ^ i.OccurredAt!.Value.Ticks.GetHashCode()).ToList();
        var (a, _) = Run(all);
        var (b, _) = Run(shuffled);

        Assert.Equal(a.Audienceless, b.Audienceless);
        Assert.Equal(a.Cohort, b.Cohort);
        Assert.Equal(a.BaseRate, b.BaseRate);
        Assert.Equal(a.Scores, b.Scores);
    }

    [Fact]
    public void A_log_without_enough_history_has_no_newcomers()
    {
        // Only the last 40 days: 10 days before the newcomers' period, less than the 30 required.
        var (c, at) = Run([.. Community().Where(i => i.OccurredAt >= T0.AddDays(50)), .. Fans("new", 40)]);

        Assert.Equal(long.MaxValue, c.NewcomerSinceMs);
        Assert.DoesNotContain(true, c.Newcomer);
        Assert.Equal(0, c.Scores[at("star")]);
    }
}
