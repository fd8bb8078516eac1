using Resonance.Application.Scoring;

namespace Resonance.Application.Integrity.Discounts;

/// <summary>Every resonance@2 discount applied to an account's score in a saved run, recomputed from the run's input.</summary>
/// <remarks>The discounts are not stored with a run: the defences are deterministic, so the run is recomputed from the
/// data in its window (without the bootstrap) and the recomputation must reproduce what the run stored bit for bit: the
/// same number of interactions used, the same calibration quantiles and the account's raw score and contributions.
/// Otherwise the data or the code changed since the run, and the discounts are refused rather than guessed.</remarks>
public sealed class DiscountService(IScoreStore store)
{
    /// <summary>The discounts of <paramref name="accountId"/> in <paramref name="run"/>; null when the run's version has no
    /// integrity defences.</summary>
    /// <exception cref="InvalidOperationException">The recomputation does not reproduce the run.</exception>
    public async Task<DiscountLedger?> ExplainAsync(ScoreRunInfo run, long accountId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var p = run.Parameters;
        if (!p.IntegrityDefences)
        {
            return null;
        }

        var input = await store.LoadWindowAsync(p, ct).ConfigureAwait(false);
        var stages = await Task.Run(() => DefenceStages.Compute(input, p, ct: ct), ct).ConfigureAwait(false);
        var ledger = stages.For(accountId);
        var score = await store.GetScoreAsync(run.Id, accountId, ct).ConfigureAwait(false);
        var stored = score is null ? [] : await store.ContributionsToAsync(run.Id, accountId, ct).ConfigureAwait(false);
        CheckReproduces(run, stages.Defended, ledger, score?.Raw ?? 0, stored);
        return ledger;
    }

    /// <summary>Throws unless <paramref name="recomputed"/> reproduces <paramref name="run"/> and the ledger reproduces the
    /// account's stored raw score and contributions, bit for bit.</summary>
    /// <exception cref="InvalidOperationException">It does not.</exception>
    public static void CheckReproduces(ScoreRunInfo run, ScoreComputation recomputed, DiscountLedger ledger, double storedRaw, IReadOnlyList<ScoreContribution> stored)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(recomputed);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(stored);
        var contributions = ledger.Engagers.ToDictionary(e => e.EngagerId, e => e.Contribution);
        var why = recomputed.Graph.InteractionsUsed != run.WatermarkInteractions
            ? $"its window now holds {recomputed.Graph.InteractionsUsed:N0} usable interactions, not the {run.WatermarkInteractions:N0} it scored"
            : !recomputed.CalibrationQuantiles.AsSpan().SequenceEqual(run.CalibrationQuantiles)
            ? "its calibration recomputes differently"
            : !ledger.Raw.Equals(storedRaw) || stored.Any(c => !contributions.TryGetValue(c.EngagerId, out var total) || !total.Equals(c.Total))
            ? $"account {ledger.AccountId}'s raw score or contributions recompute differently"
            : null;
        if (why is not null)
        {
            throw new InvalidOperationException(
                $"run {run.Id} ({run.Algorithm}) cannot be recomputed exactly: {why}. Its discounts are recomputed, not stored, so they " +
                "can only be shown while the data in its window and the code are unchanged; score again and explain the new run.");
        }
    }
}
