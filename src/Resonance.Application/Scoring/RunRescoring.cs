using Resonance.Engine.Statistics;

namespace Resonance.Application.Scoring;

/// <summary>How a stored run reads a raw value as an account's 1–100 score, for the readers that re-read raw values
/// (<see cref="DiffService"/>, <see cref="CompareRunsService"/>, a person's combined score).</summary>
/// <remarks>
/// <para>A run of a plain calibration (every version before resonance@7) reads a raw value through the stored quantiles of
/// the account's rung. A resonance@7 run read each account's score through its leave-one-out calibration F₋A
/// (<see cref="LeaveOneOutScores"/>), which the run does not store: the run's own version is re-run on its window,
/// unsaved and without intervals, after checking that the window still holds the interactions the run scored (its
/// watermark); the raw scores there are the stored ones, bit for bit, and so is every F₋A.</para>
/// <para>Complexity: a plain reader is O(log Q) per value; a resonance@7 reader costs one scoring of the window (seconds
/// on Higgs), then O(|C(A)|) per account and O(log) per value. Determinism: that of the scoring.</para>
/// </remarks>
internal static class RunRescoring
{
    /// <summary>Scores <paramref name="run"/>'s window again under <paramref name="parameters"/> (unsaved; with intervals
    /// only when <paramref name="intervals"/>), after checking that the window still holds the interactions the run scored;
    /// <paramref name="why"/> says what cannot be done otherwise (the message of the <see cref="InvalidOperationException"/>
    /// thrown when it does not). <paramref name="without"/>, when given, changes the checked data before it is scored.</summary>
    public static async Task<(ScoringInput Input, ScoreComputation Result)> RescoreAsync(IScoreStore store, ScoreRunInfo run, ScoringParameters parameters,
        string why, Func<ScoringInput, ScoringInput>? without = null, bool intervals = false, CancellationToken ct = default)
    {
        var old = run.Parameters;
        var input = await store.LoadWindowAsync(old.Network, old.WindowStartMs, old.AsOfMs, old.IntegrityDefences || parameters.IntegrityDefences, ct)
            .ConfigureAwait(false);
        var used = EngagementGraph.Build(input, old).InteractionsUsed;
        if (used != run.WatermarkInteractions)
        {
            throw new InvalidOperationException(
                $"run {run.Id}'s window now holds {used:N0} usable interactions, not the {run.WatermarkInteractions:N0} it scored, so {why}. " +
                "Compare two runs of the same version, or re-run the older version first.");
        }

        var scored = without is null ? input : without(input);
        var p = parameters with { AsOfMs = old.AsOfMs, WindowDays = old.WindowDays, Network = old.Network };
        return (scored, await Task.Run(() => ScoringPipeline.Score(scored, p, intervals: intervals, ct: ct), ct).ConfigureAwait(false));
    }

    /// <summary>How <paramref name="run"/> reads a raw value as each account's score: the account's rung's stored quantiles,
    /// or for a resonance@7 run its F₋A from a re-run of the run (see <see cref="RescoreAsync"/>; <paramref name="why"/> as there).</summary>
    public static async Task<Func<long, Func<double, double>>> ReadersAsync(IScoreStore store, ScoreRunInfo run, string why, CancellationToken ct)
    {
        if (run.Parameters.Calibration is null)
        {
            return id => Plain(run.CalibrationFor(id));
        }

        var (_, rerun) = await RescoreAsync(store, run, run.Parameters, why, ct: ct).ConfigureAwait(false);
        return id => Reader(rerun, id);
    }

    /// <summary>How <paramref name="result"/> reads a raw value as <paramref name="accountId"/>'s score; an account
    /// outside its graph made no outgoing interaction there, so its calibration is the run's own.</summary>
    public static Func<double, double> Reader(ScoreComputation result, long accountId)
    {
        var v = Array.BinarySearch(result.Graph.AccountIds, accountId);
        return v >= 0 ? result.ScoreReader(v) : Plain(result.CalibrationQuantiles);
    }

    /// <summary>The score of a raw value through <paramref name="quantiles"/> (1 for raw ≤ 0).</summary>
    public static Func<double, double> Plain(double[] quantiles)
    {
        var calibration = new QuantileCalibration(quantiles);
        return raw => raw > 0 ? calibration.Score(raw) : 1;
    }
}
