using System.Data.Common;
using System.Globalization;
using Resonance.Application.Scoring;
using Resonance.Storage.Entities;

namespace Resonance.Storage.Scoring;

/// <summary>The reads behind <see cref="IScoreStore"/>, in SQL that runs unchanged on SQLite and PostgreSQL.</summary>
internal static class ScoreStoreQueries
{
    /// <summary>Ids per <c>IN (…)</c> list when naming accounts.</summary>
    public const int DescribeBatchSize = 500;

    private const string ScoreColumns = "account_id, rank, score, low, high, raw, base, reach, amplification, impact";
    private const string ContributionColumns = "account_id, engager_id, reach, amplification, impact";
    // The same sum, in the same order, as ScoreContribution.Total, so SQL and C# agree on ties.
    private const string ContributionOrder = "ORDER BY (reach + amplification + impact) DESC, engager_id, account_id";

    public static async Task<long?> LatestInteractionTimeAsync(DbConnection connection, string? network, CancellationToken ct)
    {
        var networkId = await NetworkIdAsync(connection, network, ct).ConfigureAwait(false);
        var value = await AdoCommands.ScalarAsync(connection,
            "SELECT max(occurred_at_ms) FROM interactions WHERE occurred_at_ms <> @untimed" + NetworkFilter(networkId), ct,
            WithNetwork(networkId, ("@untimed", InteractionEntity.Untimed))).ConfigureAwait(false);
        return value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public static async Task<IReadOnlyList<ScoreRunInfo>> ListRunsAsync(DbConnection connection, CancellationToken ct) =>
        await AdoCommands.ListAsync(connection, $"SELECT {ScoreRunSql.Columns} FROM score_runs ORDER BY id", ScoreRunSql.Read, ct).ConfigureAwait(false);

    public static async Task<ScoreRunInfo?> GetRunAsync(DbConnection connection, long runId, CancellationToken ct) =>
        (await AdoCommands.ListAsync(connection, $"SELECT {ScoreRunSql.Columns} FROM score_runs WHERE id = @run", ScoreRunSql.Read, ct,
            ("@run", runId)).ConfigureAwait(false)).SingleOrDefault();

    public static async Task<AccountScore?> GetScoreAsync(DbConnection connection, long runId, long accountId, CancellationToken ct) =>
        (await AdoCommands.ListAsync(connection, $"SELECT {ScoreColumns} FROM account_scores WHERE run_id = @run AND account_id = @account",
            ReadScore, ct, ("@run", runId), ("@account", accountId)).ConfigureAwait(false)).SingleOrDefault();

    public static async Task<IReadOnlyList<AccountScore>> TopScoresAsync(DbConnection connection, long runId, int count, CancellationToken ct) =>
        await AdoCommands.ListAsync(connection, $"SELECT {ScoreColumns} FROM account_scores WHERE run_id = @run ORDER BY rank LIMIT @count",
            ReadScore, ct, ("@run", runId), ("@count", count)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<AccountScore>> AllScoresAsync(DbConnection connection, long runId, CancellationToken ct) =>
        await AdoCommands.ListAsync(connection, $"SELECT {ScoreColumns} FROM account_scores WHERE run_id = @run ORDER BY rank",
            ReadScore, ct, ("@run", runId)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<ScoreContribution>> ContributionsToAsync(DbConnection connection, long runId, long accountId, CancellationToken ct) =>
        await AdoCommands.ListAsync(connection,
            $"SELECT {ContributionColumns} FROM score_contributions WHERE run_id = @run AND account_id = @account {ContributionOrder}",
            ReadContribution, ct, ("@run", runId), ("@account", accountId)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<ScoreContribution>> ContributionsFromAsync(DbConnection connection, long runId, long engagerId, int count,
        CancellationToken ct) =>
        await AdoCommands.ListAsync(connection,
            $"SELECT {ContributionColumns} FROM score_contributions WHERE run_id = @run AND engager_id = @engager {ContributionOrder} LIMIT @count",
            ReadContribution, ct, ("@run", runId), ("@engager", engagerId), ("@count", count)).ConfigureAwait(false);

    public static async Task<ContributionSummary> SummariseContributionsAsync(DbConnection connection, long runId, long accountId, bool received,
        IReadOnlyCollection<long> counterparts, CancellationToken ct)
    {
        var (self, other) = received ? ("account_id", "engager_id") : ("engager_id", "account_id");
        var totals = await AdoCommands.ListAsync(connection,
            $"SELECT COUNT(*), COALESCE(SUM(reach + amplification + impact), 0) FROM score_contributions WHERE run_id = @run AND {self} = @id",
            r => (Count: r.GetInt32(0), Total: r.GetDouble(1)), ct, ("@run", runId), ("@id", accountId)).ConfigureAwait(false);
        var selected = new List<ScoreContribution>();
        foreach (var chunk in counterparts.Distinct().Chunk(500))
        {
            // The ids are longs, written in as numbers: no text from outside reaches the SQL.
            var ids = string.Join(",", chunk.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            selected.AddRange(await AdoCommands.ListAsync(connection,
                $"SELECT {ContributionColumns} FROM score_contributions WHERE run_id = @run AND {self} = @id AND {other} IN ({ids})",
                ReadContribution, ct, ("@run", runId), ("@id", accountId)).ConfigureAwait(false));
        }
        return new ContributionSummary(totals[0].Count, totals[0].Total,
            [.. selected.OrderByDescending(c => c.Total).ThenBy(c => c.EngagerId).ThenBy(c => c.AccountId)]);
    }

    public static async Task<AccountRef?> FindAccountAsync(DbConnection connection, string network, string idOrHandle, CancellationToken ct)
    {
        var networkId = await NetworkIdAsync(connection, network, ct).ConfigureAwait(false);
        const string select = "SELECT a.id, n.name, a.external_id, a.handle FROM accounts a JOIN networks n ON n.id = a.network_id WHERE a.network_id = @network AND ";
        var byId = await AdoCommands.ListAsync(connection, select + "a.external_id = @key", ReadAccount, ct,
            ("@network", networkId), ("@key", idOrHandle)).ConfigureAwait(false);
        if (byId.Count > 0)
        {
            return byId[0];
        }
        // Handles match without case (ASCII lower() on SQLite) and without a leading '@' on either side.
        var byHandle = await AdoCommands.ListAsync(connection,
            select + "a.handle IS NOT NULL AND lower(ltrim(a.handle, '@')) = lower(ltrim(@key, '@')) ORDER BY a.id LIMIT 1", ReadAccount, ct,
            ("@network", networkId), ("@key", idOrHandle)).ConfigureAwait(false);
        return byHandle.Count > 0 ? byHandle[0] : null;
    }

    public static async Task<IReadOnlyDictionary<long, AccountRef>> DescribeAccountsAsync(DbConnection connection, IReadOnlyCollection<long> accountIds,
        CancellationToken ct)
    {
        var names = new Dictionary<long, AccountRef>(accountIds.Count);
        foreach (var batch in accountIds.Distinct().Chunk(DescribeBatchSize))
        {
            // Ids are numbers, so they go into the SQL as literals rather than as hundreds of parameters.
            var ids = string.Join(",", batch.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            var rows = await AdoCommands.ListAsync(connection,
                $"SELECT a.id, n.name, a.external_id, a.handle FROM accounts a JOIN networks n ON n.id = a.network_id WHERE a.id IN ({ids})",
                ReadAccount, ct).ConfigureAwait(false);
            foreach (var account in rows)
            {
                names[account.Id] = account;
            }
        }
        return names;
    }

    /// <summary>The id of a network by name, null for "all networks"; an unknown name is an <see cref="ArgumentException"/>.</summary>
    internal static async Task<int?> NetworkIdAsync(DbConnection connection, string? network, CancellationToken ct)
    {
        if (network is null)
        {
            return null;
        }
        var networks = await AdoCommands.ListAsync(connection, "SELECT id, name FROM networks ORDER BY name",
            r => (Id: r.GetInt32(0), Name: r.GetString(1)), ct).ConfigureAwait(false);
        foreach (var (id, name) in networks)
        {
            if (string.Equals(name, network, StringComparison.Ordinal))
            {
                return id;
            }
        }
        var known = networks.Count == 0 ? "(none)" : string.Join(", ", networks.Select(n => n.Name));
        throw new ArgumentException($"unknown network '{network}'; known: {known}", nameof(network));
    }

    internal static string NetworkFilter(int? networkId) => networkId is null ? "" : " AND network_id = @network";

    /// <summary>The parameters, plus <c>@network</c> when <see cref="NetworkFilter"/> adds it.</summary>
    internal static (string Name, object? Value)[] WithNetwork(int? networkId, params (string Name, object? Value)[] parameters) =>
        networkId is null ? parameters : [.. parameters, ("@network", networkId.Value)];

    private static AccountScore ReadScore(DbDataReader r) => new(r.GetInt64(0), r.GetInt32(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4),
        r.GetDouble(5), r.GetDouble(6), r.GetDouble(7), r.GetDouble(8), r.GetDouble(9));

    private static ScoreContribution ReadContribution(DbDataReader r) => new(r.GetInt64(0), r.GetInt64(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4));

    private static AccountRef ReadAccount(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
}
