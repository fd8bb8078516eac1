using CsCheck;
using Resonance.Application.Scoring;
using Resonance.Application.Tests.Scoring;
using Resonance.Application.Tests.Synthetic;
using Resonance.Domain;

namespace Resonance.Application.Tests.Integrity;

/// <summary>resonance@2's defences (issue #4): flagged engagement never counts more than the same engagement from an
/// unflagged account; resonance@1 is untouched.</summary>
public sealed class ResonanceV2Tests
{
    private static ScoreComputation Score(ScoringInput input, int version)
    {
        var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", version), input.LatestTimeMs!.Value);
        return ResonanceScorer.Score(EngagementGraph.Build(input, p), p, intervals: false, ct: TestContext.Current.CancellationToken);
    }

    private static double Raw(ScoreComputation c, long id) => Array.BinarySearch(c.Graph.AccountIds, id) is var v and >= 0 ? c.Raw[v] : 0;

    [Fact]
    public void Version_one_has_no_defences_and_version_two_has_them()
    {
        Assert.False(ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 1), 0).IntegrityDefences);
        Assert.Equal(0, ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 1), 0).ReciprocalDiscount);
        Assert.True(ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 2), 0).IntegrityDefences);
    }

    /// <summary>Property (CsCheck): for a random genuine target, planted bot, genuine fan, kind and time in the last 30
    /// days, the target's raw score with the bot's interaction added is at most its raw score with the fan's instead. Each
    /// case re-runs detection and scoring on the whole community (the added interaction changes both), so few cases run.</summary>
    [Fact]
    public void Engagement_from_a_flagged_account_never_raises_a_score_more_than_the_same_from_an_unflagged_one()
    {
        var sample = SyntheticSample.Default;
        var (input, ids) = ScoringInputs.FromRecords(sample.Records);
        var end = input.LatestTimeMs!.Value;
        var baseline = EngagementGraph.Build(input, ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 2), end)).Integrity!;
        bool Flagged(string id) => baseline.IsFlagged(Array.BinarySearch(baseline.Log.AccountIds, ids[id].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal));
        var pod = sample.Truth.PodMembers.ToHashSet();
        var humans = sample.Humans.Where(h => !pod.Contains(h) && !Flagged(h)).Order(StringComparer.Ordinal).ToArray();
        var bots = sample.Truth.Bots.Order(StringComparer.Ordinal).ToArray();
        Assert.All(bots, b => Assert.True(Flagged(b)));
        var cases =
            from target in Gen.Int[0, humans.Length - 1]
            from fan in Gen.Int[0, humans.Length - 1]
            from bot in Gen.Int[0, bots.Length - 1]
            from kind in Gen.OneOfConst([.. InteractionKinds.Weighted])
            from minutesAgo in Gen.Long[1, 30 * 1440]
            where target != fan
            select (Target: humans[target], Fan: humans[fan], Bot: bots[bot], Kind: kind, Time: end - (minutesAgo * 60_000));

        cases.Sample(c =>
        {
            var target = ids[c.Target];
            var fromBot = Raw(Score(ScoringInputs.With(input, [(ids[c.Bot], target, c.Kind, c.Time)]), 2), target);
            var fromFan = Raw(Score(ScoringInputs.With(input, [(ids[c.Fan], target, c.Kind, c.Time)]), 2), target);
            Assert.True(fromBot <= fromFan + 1e-12, $"{c}: from bot {fromBot}, from fan {fromFan}");
        }, iter: 6, threads: 1);
    }
}
