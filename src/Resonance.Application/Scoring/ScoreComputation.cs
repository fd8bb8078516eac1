namespace Resonance.Application.Scoring;

/// <summary>Everything one scoring pass computed, before it is persisted: per account and per engagement pair.</summary>
/// <remarks>Node arrays are indexed like <see cref="EngagementGraph.AccountIds"/>; pair arrays like its pairs.</remarks>
public sealed class ScoreComputation
{
    /// <summary>The parameters used.</summary>
    public required ScoringParameters Parameters { get; init; }

    /// <summary>The engagement graph scored.</summary>
    public required EngagementGraph Graph { get; init; }

    /// <summary>Whether each node received any engagement (only those get a score).</summary>
    public required bool[] Engaged { get; init; }

    /// <summary>Raw score: the sum of the pair terms into the node plus <see cref="BaseTerms"/>.</summary>
    public required double[] Raw { get; init; }

    /// <summary>The part of the raw score owed to no single engager (the amplification prior).</summary>
    public required double[] BaseTerms { get; init; }

    /// <summary>Reach: decay-weighted distinct engagers.</summary>
    public required double[] Reach { get; init; }

    /// <summary>Amplification: Bayesian-smoothed reposts, quotes and replies per post.</summary>
    public required double[] Amplification { get; init; }

    /// <summary>Network impact: standing flowing in from engagers (PageRank over the share every account gets; an account nobody engages with has standing 1).</summary>
    public required double[] Impact { get; init; }

    /// <summary>The engagement PageRank of each node (sums to 1).</summary>
    public required double[] PageRank { get; init; }

    /// <summary>Calibrated score, 1–100.</summary>
    public required double[] Score { get; init; }

    /// <summary>Lower end of the score's interval.</summary>
    public required double[] ScoreLow { get; init; }

    /// <summary>Upper end of the score's interval.</summary>
    public required double[] ScoreHigh { get; init; }

    /// <summary>Per pair: what the engager adds to the target's raw score through reach.</summary>
    public required double[] ReachContribution { get; init; }

    /// <summary>Per pair: what the engager adds through amplification.</summary>
    public required double[] AmplificationContribution { get; init; }

    /// <summary>Per pair: what the engager adds through network impact.</summary>
    public required double[] ImpactContribution { get; init; }

    /// <summary>The reference quantiles of the raw scores of engaged accounts.</summary>
    public required double[] CalibrationQuantiles { get; init; }

    /// <summary>The reference quantiles node <paramref name="node"/>'s score was read through (its tempo rung's in resonance@5).</summary>
    public double[] CalibrationFor(int node) => Parameters.TempoRungs?.Of(Graph.AccountIds[node]).CalibrationQuantiles ?? CalibrationQuantiles;

    /// <summary>resonance@7: every account's leave-one-out calibration F₋A; null for the versions before.</summary>
    internal LeaveOneOutScores? LeaveOneOut { get; init; }

    /// <summary>How node <paramref name="node"/>'s score reads a raw value: through the calibration it was scored with
    /// (<see cref="CalibrationFor"/>, or in resonance@7 its leave-one-out calibration F₋A), 1 for a raw value ≤ 0.</summary>
    public Func<double, double> ScoreReader(int node)
    {
        if (LeaveOneOut is { } loo)
        {
            var (removed, added) = loo.Changes(node, new());
            return raw => raw > 0 ? loo.Score(node, raw, removed, added) : 1;
        }

        var calibration = new Engine.Statistics.QuantileCalibration(CalibrationFor(node));
        return raw => raw > 0 ? calibration.Score(raw) : 1;
    }

    /// <summary>Amplification prior mean (from the parameters).</summary>
    public required double AmplificationPriorRate { get; init; }

    /// <summary>PageRank iterations of the main pass.</summary>
    public required int PageRankIterations { get; init; }

    /// <summary>Whether the main PageRank pass converged.</summary>
    public required bool PageRankConverged { get; init; }
}
