using Resonance.Application.Scoring;
using Resonance.Domain;
using static Resonance.Application.Tests.Scoring.OwnActivityRows;

namespace Resonance.Application.Tests.Scoring;

/// <summary>A window whose interactions all weigh 0 leaves an empty engagement graph: every version scores nobody
/// instead of failing (found by the resonance@6 mutation property once unfollows widened its inputs).</summary>
public sealed class ZeroWeightWindowTests
{
    public static TheoryData<string> Versions => [.. ScoringAlgorithms.All.Select(a => a.Id.ToString())];

    [Theory]
    [MemberData(nameof(Versions))]
    public void A_window_of_zero_weight_interactions_scores_nobody(string version)
    {
        var p = ScoringAlgorithms.Defaults(AlgorithmId.Parse(version), AsOf) with { BootstrapReplicates = 8 };
        (long, long, InteractionKind, long, double)[] rows = [(6, 7, InteractionKind.Follow, T0 + (57 * Minute), 0), (8, 6, InteractionKind.Like, T0, 0)];

        var result = ScoringPipeline.Score(Input(rows), p, ct: TestContext.Current.CancellationToken);

        Assert.DoesNotContain(true, result.Engaged);
        Assert.Equal(result.Graph.NodeCount, result.Score.Length);
    }
}
