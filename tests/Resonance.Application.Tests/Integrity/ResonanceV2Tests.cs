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

    private static double Raw(ScoreComputation c, long id) => c.Raw[Array.BinarySearch(c.Graph.AccountIds, id)];

    [Fact]
    public void Version_one_has_no_defences_and_version_two_has_them()
    {
        Assert.False(ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 1), 0).IntegrityDefences);
        Assert.Equal(0, ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 1), 0).ReciprocalDiscount);
        Assert.True(ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 2), 0).IntegrityDefences);
    }

    [Fact]
    public void A_like_from_a_bot_never_raises_a_score_more_than_the_same_like_from_a_genuine_account()
    {
        var sample = SyntheticSample.Default;
        var (input, ids) = ScoringInputs.FromRecords(sample.Records);
        var time = input.LatestTimeMs!.Value - 3_600_000;
        var engagedBy = sample.Interactions.GroupBy(i => i.TargetId).ToDictionary(g => g.Key, g => g.Select(i => i.ActorId).ToHashSet());
        var humans = sample.Humans.Where(h => !sample.Truth.PodMembers.Contains(h)).Order(StringComparer.Ordinal).ToArray();
        for (var k = 0; k < 3; k++)
        {
            var target = humans[(k * 397) % humans.Length];
            var bot = sample.Truth.Bots.First(b => !engagedBy.GetValueOrDefault(target, []).Contains(b));
            var fan = humans.Skip(k * 50).First(h => h != target && !engagedBy.GetValueOrDefault(target, []).Contains(h));

            var fromBot = Raw(Score(ScoringInputs.With(input, [(ids[bot], ids[target], InteractionKind.Like, time)]), 2), ids[target]);
            var fromFan = Raw(Score(ScoringInputs.With(input, [(ids[fan], ids[target], InteractionKind.Like, time)]), 2), ids[target]);

            Assert.True(fromBot <= fromFan + 1e-12, $"{target}: from bot {fromBot}, from fan {fromFan}");
        }
    }
}
