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
        QueryAsync(async (c, t) =>
            await ReadScoringInputAsync(c, await ScoringInputQuery.CreateAsync(c, network, fromMs, toMs, t).ConfigureAwait(false), t).ConfigureAwait(false), ct);

    /// <summary>Runs the scoring input's reads; providers with a faster reader than ADO.NET's override it.</summary>
    private protected virtual Task<ScoringInput> ReadScoringInputAsync(DbConnection connection, ScoringInputQuery query, CancellationToken ct) =>
        query.ReadAsync(connection, ct);

    /// <inheritdoc />
    public async Task<long> SaveRunAsync(ScoreRunDraft run, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        return await InsertRunAsync(run, ct).ConfigureAwait(false);
    }

    /// <summary>Runs are immutable and only ever added, so the parsed list (with each run's 1,001 calibration
    /// quantiles) is kept until the number of runs or the highest id changes: a web page then costs one small query.</summary>
    private RunsSnapshot? _runs;

    private sealed record RunsSnapshot(long Count, long MaxId, IReadOnlyList<ScoreRunInfo> Runs);

    /// <inheritdoc />
    public Task<IReadOnlyList<ScoreRunInfo>> ListRunsAsync(CancellationToken ct = default) =>
        QueryAsync(async (c, t) =>
        {
            var marks = await AdoCommands.ListAsync(c, "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM score_runs", r => (r.GetInt64(0), r.GetInt64(1)), t).ConfigureAwait(false);
            var (count, maxId) = marks[0];
            if (Volatile.Read(ref _runs) is { } cached && cached.Count == count && cached.MaxId == maxId)
            {
                return cached.Runs;
            }
            var runs = await ScoreStoreQueries.ListRunsAsync(c, t).ConfigureAwait(false);
            Volatile.Write(ref _runs, new RunsSnapshot(count, maxId, runs));
            return runs;
        }, ct);

    /// <inheritdoc />
    public async Task<ScoreRunInfo?> GetRunAsync(long runId, CancellationToken ct = default) =>
        (await ListRunsAsync(ct).ConfigureAwait(false)).FirstOrDefault(r => r.Id == runId);

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
    public Task<ContributionSummary> SummariseContributionsAsync(long runId, long accountId, bool received, IReadOnlyCollection<long> counterparts,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(counterparts);
        return QueryAsync((c, t) => ScoreStoreQueries.SummariseContributionsAsync(c, runId, accountId, received, counterparts, t), ct);
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
