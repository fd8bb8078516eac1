using System.Data.Common;
using Resonance.Application.Scoring;
using Resonance.Storage.Scoring;

namespace Resonance.Storage;

// The scoring side of the store: immutable runs (header, scores, contributions) and the scorer's input.
public abstract partial class RelationalResonanceStore : IScoreStore
{
    /// <inheritdoc />
    public Task<long?> LatestInteractionTimeAsync(string? network, CancellationToken ct = default) =>
        QueryAsync((c, t) => ScoreStoreQueries.LatestInteractionTimeAsync(c, network, t), ct);

    /// <inheritdoc />
    public Task<ScoringInput> LoadScoringInputAsync(string? network, long fromMs, long toMs, CancellationToken ct = default) =>
        QueryAsync((c, t) => ScoreStoreQueries.LoadScoringInputAsync(c, network, fromMs, toMs, t), ct);

    /// <inheritdoc />
    public async Task<long> SaveRunAsync(ScoreRunDraft run, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        return await InsertRunAsync(run, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ScoreRunInfo>> ListRunsAsync(CancellationToken ct = default) =>
        QueryAsync(ScoreStoreQueries.ListRunsAsync, ct);

    /// <inheritdoc />
    public Task<ScoreRunInfo?> GetRunAsync(long runId, CancellationToken ct = default) =>
        QueryAsync((c, t) => ScoreStoreQueries.GetRunAsync(c, runId, t), ct);

    /// <inheritdoc />
    public Task<AccountScore?> GetScoreAsync(long runId, long accountId, CancellationToken ct = default) =>
        QueryAsync((c, t) => ScoreStoreQueries.GetScoreAsync(c, runId, accountId, t), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<AccountScore>> TopScoresAsync(long runId, int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return QueryAsync((c, t) => ScoreStoreQueries.TopScoresAsync(c, runId, count, t), ct);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AccountScore>> AllScoresAsync(long runId, CancellationToken ct = default) =>
        QueryAsync((c, t) => ScoreStoreQueries.AllScoresAsync(c, runId, t), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<ScoreContribution>> ContributionsToAsync(long runId, long accountId, CancellationToken ct = default) =>
        QueryAsync((c, t) => ScoreStoreQueries.ContributionsToAsync(c, runId, accountId, t), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<ScoreContribution>> ContributionsFromAsync(long runId, long engagerId, int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return QueryAsync((c, t) => ScoreStoreQueries.ContributionsFromAsync(c, runId, engagerId, count, t), ct);
    }

    /// <inheritdoc />
    public Task<AccountRef?> FindAccountAsync(string network, string idOrHandle, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(idOrHandle);
        return QueryAsync((c, t) => ScoreStoreQueries.FindAccountAsync(c, network, idOrHandle, t), ct);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<long, AccountRef>> DescribeAccountsAsync(IReadOnlyCollection<long> accountIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        return QueryAsync((c, t) => ScoreStoreQueries.DescribeAccountsAsync(c, accountIds, t), ct);
    }

    /// <summary>Writes a whole run (header, scores, contributions) in one transaction with the provider's bulk path; returns its id.</summary>
    private protected abstract Task<long> InsertRunAsync(ScoreRunDraft run, CancellationToken ct);

    /// <summary>Checks the schema, then runs one read on a fresh connection.</summary>
    private async Task<T> QueryAsync<T>(Func<DbConnection, CancellationToken, Task<T>> query, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await OpenConnectionAsync(ct).ConfigureAwait(false);
        return await query(connection, ct).ConfigureAwait(false);
    }
}
