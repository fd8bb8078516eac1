using Resonance.Application.Scoring;
using Resonance.Domain;

namespace Resonance.Application.Tests.Scoring;

/// <summary>resonance@4's tempo fit (docs/scoring.md, "A decay fitted to the network's tempo").</summary>
public sealed class TempoFitTests
{
    private const long T0 = 1_700_000_000_000;
    private const long Hour = 3_600_000;
    private static readonly AlgorithmId V4 = new("resonance", 4);

    [Fact]
    public void The_half_life_is_the_median_accounts_audience_half_time()
    {
        List<(long, long, InteractionKind, long)> rows = [];
        void Audience(long target, params double[] hours) =>
            rows.AddRange(hours.Select((h, k) => ((long)k + 1, target, InteractionKind.Repost, T0 + (long)(h * Hour))));
        Audience(100, 0, 1, 2, 3, 10);       // 5 engagers: the 3rd arrives after 2 h
        Audience(200, 0, 4, 4, 6, 8, 20);    // 6 engagers: the 3rd arrives after 4 h
        Audience(300, 0, 1, 2, 6, 7, 8, 9);  // 7 engagers: the 4th arrives after 6 h
        Audience(400, 0, 50, 51, 52);        // 4 engagers: too few to enter the fit
        rows.Add((1, 200, InteractionKind.Like, T0 + (Hour / 2)));         // a repeat: engager 1 arrived at 0
        rows.Add((200, 200, InteractionKind.Reply, T0 + (Hour / 12)));     // a self-interaction is no engager
        var input = ScoringInputs.Of([.. rows]);

        var p = TempoFit.Apply(input, ScoringAlgorithms.Defaults(V4, T0 + (60 * Hour)));

        Assert.Equal(3, p.TempoAccounts);
        Assert.Equal(4 / 24d, p.FittedHalfLifeDays);
        Assert.Equal(4 / 24d, p.RecentHalfLifeDays);
        Assert.Equal((4 * Hour, 3), TempoFit.AudienceHalfTimeMs(input, T0, T0 + (60 * Hour), 5));
        var v1 = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 1), T0 + (60 * Hour));
        Assert.Same(v1, TempoFit.Apply(input, v1)); // versions without a fit are untouched
    }

    [Fact]
    public void Without_an_account_that_qualifies_the_versions_own_half_life_is_kept()
    {
        var input = ScoringInputs.Of((1, 2, InteractionKind.Repost, T0), (3, 2, InteractionKind.Repost, T0 + Hour));

        var p = TempoFit.Apply(input, ScoringAlgorithms.Defaults(V4, T0 + Hour));

        Assert.Equal(0, p.TempoAccounts);
        Assert.Null(p.FittedHalfLifeDays);
        Assert.Equal(0.5, p.RecentHalfLifeDays);
    }

    [Fact]
    public void Evaluation_fits_the_half_life_on_the_training_part_only_and_deterministically()
    {
        var input = Community(seed: 7, count: 6000);
        var first = Evaluation.Run(input, V4, null, [0.6], ct: TestContext.Current.CancellationToken).Splits[0];
        var cut = first.CutMs;
        // Rewrite the future: every row at or after the cut gets another target, and a burst of 2,000 more rows
        // arrives in the half hour after the cut (inside the span, so the cut stays where it is).
        var targets = input.TargetIds.Select((v, i) => input.TimesMs[i] >= cut ? (v * 7 % 300) + 1 : v).ToArray();
        var changed = ScoringInputs.With(
            new ScoringInput(input.ActorIds, targets, input.Kinds, input.TimesMs, input.Weights, input.PostAuthorIds, input.PostTimesMs),
            Enumerable.Range(0, 2000).Select(k => ((long)(k % 300) + 1, (long)(k % 5) + 1, InteractionKind.Repost, cut + (k * 1000L))));
        var reversed = new ScoringInput([.. input.ActorIds.Reverse()], [.. input.TargetIds.Reverse()], [.. input.Kinds.Reverse()],
            [.. input.TimesMs.Reverse()], [.. input.Weights.Reverse()], input.PostAuthorIds, input.PostTimesMs);

        var future = Evaluation.Run(changed, V4, null, [0.6], ct: TestContext.Current.CancellationToken).Splits[0];
        var again = Evaluation.Run(reversed, V4, null, [0.6], degreeOfParallelism: 1, ct: TestContext.Current.CancellationToken).Splits[0];

        Assert.Equal(cut, future.CutMs);
        Assert.NotEqual(first.Predictors, future.Predictors); // the outcome moved with the future...
        var fitted = first.ScoreParameters!.FittedHalfLifeDays;
        Assert.NotNull(fitted);
        Assert.Equal(fitted, future.ScoreParameters!.FittedHalfLifeDays); // ...the fitted half-life did not
        Assert.Equal(first.ScoreParameters.TempoAccounts, future.ScoreParameters.TempoAccounts);
        Assert.Equal(first.ScoreParameters, again.ScoreParameters); // any row order, any thread count: the same fit
        Assert.Equal(first.Predictors, again.Predictors);
        Assert.Equal(first.ScoreParameters, TempoFit.Apply(Training(input, cut), ScoringAlgorithms.Defaults(V4, cut - 1)));
    }

    /// <summary>A random community of 300 accounts over 10 days, busier towards a few accounts.</summary>
    private static ScoringInput Community(int seed, int count)
    {
        var random = new Random(seed);
        return ScoringInputs.Of([.. Enumerable.Range(0, count).Select(_ =>
        {
            var actor = random.Next(1, 301);
            var target = (long)Math.Ceiling(300 * Math.Pow(random.NextDouble(), 3));
            return ((long)actor, Math.Max(1, target), random.Next(0, 3) switch
            {
                0 => InteractionKind.Repost,
                1 => InteractionKind.Reply,
                _ => InteractionKind.Like,
            }, T0 + (long)(random.NextDouble() * 240 * Hour));
        })]);
    }

    private static ScoringInput Training(ScoringInput input, long cut)
    {
        var rows = Enumerable.Range(0, input.InteractionCount).Where(i => input.TimesMs[i] < cut).ToArray();
        return new ScoringInput([.. rows.Select(i => input.ActorIds[i])], [.. rows.Select(i => input.TargetIds[i])], [.. rows.Select(i => input.Kinds[i])],
            [.. rows.Select(i => input.TimesMs[i])], [.. rows.Select(i => input.Weights[i])], [], []);
    }
}
