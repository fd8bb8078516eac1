using Resonance.Application.Integrity;
using Resonance.Application.Integrity.Signals;
using Resonance.Application.Tests.Synthetic;
using Resonance.Domain;
using Resonance.Engine.Statistics;

namespace Resonance.Application.Tests.Integrity;

/// <summary>Audience quality and its interval (issue #4: "3 of 4 engagers" must not read as "75%, certain").</summary>
public sealed class AudienceQualityTests
{
    [Fact]
    public void Three_of_four_is_a_wide_interval_and_three_hundred_of_four_hundred_a_narrow_one()
    {
        var (low, high) = WilsonInterval.Compute(3, 4);
        Assert.Equal(0.301, low, 0.001);
        Assert.Equal(0.954, high, 0.001);
        var (low2, high2) = WilsonInterval.Compute(300, 400);
        Assert.True(high2 - low2 < 0.09);
        Assert.Equal((0.0, 1.0), WilsonInterval.Compute(0, 0));
    }

    [Fact]
    public void A_bot_that_likes_many_posts_is_one_inauthentic_engager()
    {
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var interactions = new List<Interaction>();
        for (var k = 0; k < 60; k++)
        {
            interactions.Add(new("x", t0.AddSeconds(k * 30), "bot", k % 2 == 0 ? "star" : $"p{k}", InteractionKind.Like));
        }
        interactions.Add(new("x", t0.AddDays(1), "fan1", "star", InteractionKind.Like));
        interactions.Add(new("x", t0.AddDays(2), "fan2", "star", InteractionKind.Reply));
        var model = InauthenticityModel.Evaluate(ActivityLog.Build([], [], interactions));

        var star = AudienceQuality.Compute(model).Single(q => q.AccountId == "star");

        Assert.Equal(3, star.Engagers);
        Assert.Equal(2, star.Authentic);
        Assert.True(star.Low < 0.25 && star.High > 0.9, star.ToString()); // 2 of 3: [0.21, 0.94]
    }

    [Fact]
    public void On_the_generated_community_audience_quality_matches_the_planted_truth()
    {
        var sample = SyntheticSample.Default;
        var model = InauthenticityModel.Evaluate(ActivityLog.FromRecords(sample.Records));
        var quality = AudienceQuality.Compute(model).Where(q => q.Engagers >= 10).ToArray();
        var planted = sample.Truth.Bots.Concat(sample.Truth.PodMembers).Concat(sample.Truth.FarmAccounts).ToHashSet();
        var engagers = sample.Interactions.Where(i => i.Kind != InteractionKind.Follow && i.ActorId != i.TargetId)
            .GroupBy(i => i.TargetId).ToDictionary(g => g.Key, g => g.Select(i => i.ActorId).Distinct().ToArray());

        var errors = quality.Select(q => Math.Abs(q.Share - (engagers[q.AccountId].Count(e => !planted.Contains(e)) / (double)q.Engagers))).ToArray();

        Assert.True(quality.Length > 100);
        Assert.True(errors.Average() < 0.01, $"mean error {errors.Average():F4}");
        Assert.All(quality, q => Assert.True(q.Low <= q.Share && q.Share <= q.High));
    }
}
