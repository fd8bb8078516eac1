using Resonance.Engine.Statistics;

namespace Resonance.Application.Scoring;

/// <summary>How a stored run reads a raw value as an account's 1–100 score, for the readers that re-read raw values
/// (<see cref="DiffService"/>, <see cref="CompareRunsService"/>, a person's combined score).</summary>
/// <remarks>
/// <para>A run of a plain calibration (every version before resonance@7) reads a raw value through the stored quantiles of
/// the account's rung. A resonance@7 run read each account's score through its leave-one-out calibration F₋A
/// (<see cref="LeaveOneOutScores"/>), which the run does not store: after checking that the run's window still holds the
/// interactions the run scored (its watermark), <see cref="ReadersAsync"/> fits the window's tempo rungs and computes the
/// raw pass of the rungs of the accounts asked for and their changed sets only, not the whole run (no bootstrap, no
/// contributions, no other account's F₋A); the raw scores there are the stored ones, bit for bit, and so is every F₋A.
/// A reader is only needed at a raw value other than the account's own in the run: there it gives the stored score.</para>
/// <para>Complexity: a plain reader is O(log Q) per value; a resonance@7 reader costs the window's load, tempo fit and one
/// raw pass per rung asked for (most accounts share one), then O(outdeg A + Σ_{u ∈ out A} outdeg u) per account and
/// O(log Q · log n · log |C(A)|) per value. Determinism: that of the scoring.</para>
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
        var input = await LoadCheckedAsync(store, run, parameters.IntegrityDefences, why, ct).ConfigureAwait(false);
        var scored = without is null ? input : without(input);
        var p = At(run, parameters);
        return (scored, await Task.Run(() => ScoringPipeline.Score(scored, p, intervals: intervals, ct: ct), ct).ConfigureAwait(false));
    }

    /// <summary><paramref name="parameters"/> on <paramref name="run"/>'s window.</summary>
    private static ScoringParameters At(ScoreRunInfo run, ScoringParameters parameters) =>
        parameters with { AsOfMs = run.Parameters.AsOfMs, WindowDays = run.Parameters.WindowDays, Network = run.Parameters.Network };

    /// <summary>Loads <paramref name="run"/>'s window and checks that it still holds the interactions the run scored (its
    /// watermark); <paramref name="why"/> as in <see cref="RescoreAsync"/>.</summary>
    private static async Task<ScoringInput> LoadCheckedAsync(IScoreStore store, ScoreRunInfo run, bool defences, string why, CancellationToken ct)
    {
        var old = run.Parameters;
        var input = await LoadAsync(store, run, defences, ct).ConfigureAwait(false);
        Check(run, EngagementGraph.Build(input, old).InteractionsUsed, why);
        return input;
    }

    private static Task<ScoringInput> LoadAsync(IScoreStore store, ScoreRunInfo run, bool defences, CancellationToken ct) =>
        store.LoadWindowAsync(run.Parameters.Network, run.Parameters.WindowStartMs, run.Parameters.AsOfMs, run.Parameters.IntegrityDefences || defences, ct);

    /// <summary>Throws when the run's window now holds <paramref name="used"/> usable interactions, not its watermark's.</summary>
    private static void Check(ScoreRunInfo run, int used, string why)
    {
        if (used != run.WatermarkInteractions)
        {
            throw new InvalidOperationException(
                $"run {run.Id}'s window now holds {used:N0} usable interactions, not the {run.WatermarkInteractions:N0} it scored, so {why}. " +
                "Compare two runs of the same version, or re-run the older version first.");
        }
    }

    /// <summary>How <paramref name="run"/> reads a raw value as the score of each of <paramref name="accountIds"/>:
    /// the stored quantiles of the account's rung, or for a resonance@7 run its F₋A, from the run's window (checked as in
    /// <see cref="RescoreAsync"/>; <paramref name="why"/> as there) with only those accounts' rungs and changed sets
    /// computed (<see cref="PerAccountTempo.LeaveOneOutReaders"/>), bit for bit what a full re-run reads (an account outside
    /// the run's graph made no outgoing interaction there: the run's own quantiles). An @7 run's reader throws
    /// <see cref="ArgumentException"/> for an account not asked for.</summary>
    public static async Task<Func<long, Func<double, double>>> ReadersAsync(IScoreStore store, ScoreRunInfo run, IReadOnlyCollection<long> accountIds,
        string why, CancellationToken ct)
    {
        if (run.Parameters.Calibration is null)
        {
            return id => Plain(run.CalibrationFor(id));
        }

        Dictionary<long, Func<double, double>> readers = [];
        if (accountIds.Count > 0)
        {
            var input = await LoadAsync(store, run, false, ct).ConfigureAwait(false);
            var scored = new HashSet<long>();
            foreach (var id in accountIds)
            {
                if (await store.GetScoreAsync(run.Id, id, ct).ConfigureAwait(false) is not null)
                {
                    scored.Add(id);
                }
            }

            // The graph's interactions are the watermark's (a graph's usable interactions do not depend on its decay).
            (readers, var used) = await Task.Run(() => PerAccountTempo.LeaveOneOutReaders(input, At(run, run.Parameters), accountIds, scored, ct: ct), ct)
                .ConfigureAwait(false);
            Check(run, used, why);
        }

        var asked = accountIds.ToHashSet();
        return id => readers.TryGetValue(id, out var read) ? read
            : asked.Contains(id) ? Plain(run.CalibrationQuantiles)
            : throw new ArgumentException($"account {id} was not among the accounts whose readers were computed", nameof(accountIds));
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
