using Resonance.Application.Integrity.Discounts;

namespace Resonance.Application.Scoring;

/// <summary>Splits the change of an account's score between two runs into engagement, population and algorithm parts.</summary>
/// <remarks>
/// <para>With F the run's calibration and r the raw score: S_to − S_from = [F_to(r_to) − F_to(r_ref)] (engagement)
/// + [F_to(r_ref) − F_ref(r_ref)] (population shift) + [F_ref(r_ref) − F_from(r_from)] (algorithm). When both runs
/// share a version, ref is the earlier run itself and the algorithm part is zero. Otherwise ref is the later run's
/// version re-run, unsaved, on the earlier run's window; this needs the data in that window to be unchanged, which the
/// earlier run's watermark proves.</para>
/// <para>The engagement part is shared among engagers in proportion to their raw-score change, so the per-engager
/// changes plus the prior's change add up to it exactly (up to rounding).</para>
/// <para>Between a version without integrity defences and one with them (resonance@1 and @2), the algorithm part is further
/// split between the defences, the engagers' standing and the calibration (<see cref="DefenceAttribution"/>).</para>
/// </remarks>
public sealed class DiffService(IScoreStore store)
{
    /// <summary>Computes the diff of <paramref name="account"/> from run <paramref name="fromRun"/> to run <paramref name="toRun"/>.</summary>
    public async Task<ScoreDiff> DiffAsync(AccountRef account, long fromRun, long toRun, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var from = await store.GetRunAsync(fromRun, ct).ConfigureAwait(false) ?? throw new ArgumentException($"no run {fromRun}; see `resonance runs`.");
        var to = await store.GetRunAsync(toRun, ct).ConfigureAwait(false) ?? throw new ArgumentException($"no run {toRun}; see `resonance runs`.");
        var fromSide = await StoredSideAsync(from, account.Id, ct).ConfigureAwait(false);
        var toSide = await StoredSideAsync(to, account.Id, ct).ConfigureAwait(false);
        var reference = from.Algorithm == to.Algorithm ? fromSide : await RescoredSideAsync(from, to, account.Id, ct).ConfigureAwait(false);
        toSide = await ReadableAtAsync(toSide, to, account.Id, reference.Raw, ct).ConfigureAwait(false);

        var algorithm = reference.ScoreOf(reference.Raw) - fromSide.ScoreOf(fromSide.Raw);
        var engagement = toSide.ScoreOf(toSide.Raw) - toSide.ScoreOf(reference.Raw);
        var population = toSide.ScoreOf(reference.Raw) - reference.ScoreOf(reference.Raw);
        var rawChange = toSide.Raw - reference.Raw;
        var scale = rawChange != 0 ? engagement / rawChange : 0;

        var before = reference.Contributions.ToDictionary(c => c.EngagerId, c => c.Total);
        var after = toSide.Contributions.ToDictionary(c => c.EngagerId, c => c.Total);
        var changes = before.Keys.Union(after.Keys)
            .Select(id =>
            {
                var b = before.GetValueOrDefault(id);
                var a = after.GetValueOrDefault(id);
                return new ContributorChange(id, b, a, (a - b) * scale);
            })
            .Where(c => c.Before != c.After)
            .OrderByDescending(c => Math.Abs(c.ScoreChange)).ThenBy(c => c.EngagerId)
            .ToList();
        DefenceAttribution? defences = null;
        string? unavailable = null;
        if (reference.Computation is { } rerun && DefenceAttribution.Applies(from.Parameters, to.Parameters))
        {
            try
            {
                defences = await AttributeDefencesAsync(from, fromSide, reference, rerun, account.Id, ct).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                // The split is an addition to the diff: a defended run that no longer recomputes exactly (older code) loses
                // the split, not the diff.
                unavailable = e.Message;
            }
        }

        var named = changes.Select(c => c.EngagerId).Concat(defences?.Ledger.Engagers.Where(e => e.Discounted).Select(e => e.EngagerId) ?? []);
        var names = await store.DescribeAccountsAsync([.. named.Append(account.Id).Distinct()], ct).ConfigureAwait(false);
        return new ScoreDiff(account, from, to, fromSide.ScoreOf(fromSide.Raw), toSide.ScoreOf(toSide.Raw), engagement,
            (toSide.Base - reference.Base) * scale, population, algorithm, changes, names) { Defences = defences, DefencesUnavailable = unavailable };
    }

    /// <summary>Splits the algorithm part of a change that only adds or removes the integrity defences. The defended side
    /// is the re-run (defences added) or the earlier run, recomputed and checked against what it stored.</summary>
    private async Task<DefenceAttribution> AttributeDefencesAsync(ScoreRunInfo from, Side fromSide, Side reference, ScoreComputation rerun, long accountId,
        CancellationToken ct)
    {
        var added = rerun.Parameters.IntegrityDefences;
        var stages = added
            ? DefenceStages.From(reference.Input!, rerun)
            : await Task.Run(() => DefenceStages.Compute(reference.Input!, from.Parameters, ct: ct), ct).ConfigureAwait(false);
        var ledger = stages.For(accountId);
        if (!added)
        {
            var stored = fromSide.Raw > 0 ? await store.ContributionsToAsync(from.Id, accountId, ct).ConfigureAwait(false) : [];
            DiscountService.CheckReproduces(from, stages.Defended, ledger, fromSide.Raw, stored);
        }

        var own = reference.ScoreOf(reference.Raw) - reference.ScoreOf(fromSide.Raw);
        var rawChange = reference.Raw - fromSide.Raw;
        return DefenceAttribution.Create(ledger, added ? fromSide.Raw : reference.Raw, added, rawChange != 0 ? own / rawChange : 0,
            reference.ScoreOf(fromSide.Raw) - fromSide.ScoreOf(fromSide.Raw));
    }

    /// <summary>A stored run's side. The run read the account's score through its calibration for the account; a
    /// resonance@7 run through its leave-one-out calibration F₋A, which the run does not store, so that side reads only
    /// the account's own raw score (as the stored score, bit for bit what F₋A gives) until
    /// <see cref="ReadableAtAsync"/> gives it F₋A.</summary>
    private async Task<Side> StoredSideAsync(ScoreRunInfo run, long accountId, CancellationToken ct)
    {
        var score = await store.GetScoreAsync(run.Id, accountId, ct).ConfigureAwait(false);
        var contributions = score is null ? [] : await store.ContributionsToAsync(run.Id, accountId, ct).ConfigureAwait(false);
        var (raw, stored) = (score?.Raw ?? 0, score?.Score ?? 1);
        var read = run.Parameters.Calibration is null
            ? RunRescoring.Plain(run.CalibrationFor(accountId))
            : x => x <= 0 ? 1 : x == raw ? stored : throw new InvalidOperationException($"run {run.Id}'s F₋A of account {accountId} was not computed");
        return new Side(read, raw, score?.Base ?? 0, contributions);
    }

    /// <summary><paramref name="side"/> (stored, of <paramref name="run"/>), able to read <paramref name="raw"/>: for a
    /// resonance@7 run at a positive raw value other than the account's own, with the account's F₋A from the run's window
    /// (<see cref="RunRescoring.ReadersAsync"/>: the watermark checked, only the account's rung and changed set computed).</summary>
    private async Task<Side> ReadableAtAsync(Side side, ScoreRunInfo run, long accountId, double raw, CancellationToken ct)
    {
        if (run.Parameters.Calibration is null || raw <= 0 || raw == side.Raw)
        {
            return side;
        }

        var readers = await RunRescoring.ReadersAsync(store, run, [accountId],
            $"its score ({run.Algorithm}: read through a leave-one-out calibration) cannot be re-read", ct).ConfigureAwait(false);
        return side with { ScoreOf = readers(accountId) };
    }

    /// <summary>Scores <paramref name="run"/>'s window again under <paramref name="parameters"/> (unsaved), after checking
    /// that the window still holds the interactions the run scored; <paramref name="why"/> says what cannot be done otherwise.</summary>
    private Task<(ScoringInput Input, ScoreComputation Result)> RescoreAsync(ScoreRunInfo run, ScoringParameters parameters, string why, CancellationToken ct) =>
        RunRescoring.RescoreAsync(store, run, parameters, why, ct: ct);

    private async Task<Side> RescoredSideAsync(ScoreRunInfo earlier, ScoreRunInfo later, long accountId, CancellationToken ct)
    {
        var (input, result) = await RescoreAsync(earlier, later.Parameters,
            $"the algorithm change ({earlier.Algorithm} → {later.Algorithm}) cannot be separated from the data change", ct).ConfigureAwait(false);
        var graph = result.Graph;
        var v = Array.BinarySearch(graph.AccountIds, accountId);
        if (v < 0 || !result.Engaged[v])
        {
            return new Side(RunRescoring.Reader(result, accountId), 0, 0, []) { Input = input, Computation = result };
        }

        var contributions = new List<ScoreContribution>();
        for (var e = 0; e < graph.PairCount; e++)
        {
            if (graph.Targets[e] == v)
            {
                contributions.Add(new ScoreContribution(accountId, graph.AccountIds[graph.Sources[e]],
                    result.ReachContribution[e], result.AmplificationContribution[e], result.ImpactContribution[e]));
            }
        }

        return new Side(RunRescoring.Reader(result, accountId), result.Raw[v], result.BaseTerms[v], contributions) { Input = input, Computation = result };
    }

    /// <summary>One run's side of a diff: how it reads a raw value as a score (its calibration for the account, F₋A in
    /// resonance@7; 1 for raw ≤ 0), the account's raw score, prior and contributions.</summary>
    private sealed record Side(Func<double, double> ScoreOf, double Raw, double Base, IReadOnlyList<ScoreContribution> Contributions)
    {
        /// <summary>The input of a re-run side; null for a stored one.</summary>
        public ScoringInput? Input { get; init; }

        /// <summary>The computation of a re-run side; null for a stored one.</summary>
        public ScoreComputation? Computation { get; init; }
    }
}
