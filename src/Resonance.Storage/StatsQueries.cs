using System.Data.Common;
using Resonance.Application.Stats;
using Resonance.Domain;
using Resonance.Storage.Entities;

namespace Resonance.Storage;

/// <summary>The <c>resonance stats</c> report, in SQL that runs unchanged on SQLite and PostgreSQL.</summary>
internal static class StatsQueries
{
    public static async Task<DatasetStats> ReadAsync(DbConnection connection, int top, CancellationToken ct)
    {
        var networks = await AdoCommands.ListAsync(connection, "SELECT id, name FROM networks ORDER BY name", r => (Id: r.GetInt32(0), Name: r.GetString(1)), ct).ConfigureAwait(false);
        var accounts = await CountsAsync(connection, "SELECT network_id, count(*) FROM accounts GROUP BY network_id", ct).ConfigureAwait(false);
        var posts = await CountsAsync(connection, "SELECT network_id, count(*) FROM posts GROUP BY network_id", ct).ConfigureAwait(false);
        var kinds = await AdoCommands.ListAsync(connection, "SELECT network_id, kind, count(*) FROM interactions GROUP BY network_id, kind",
            r => (Network: r.GetInt32(0), Kind: (InteractionKind)r.GetInt16(1), Count: r.GetInt64(2)), ct).ConfigureAwait(false);
        var untimed = InteractionEntity.Untimed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ranges = await AdoCommands.ListAsync(connection, $"""
            SELECT network_id,
                   min(CASE WHEN occurred_at_ms <> {untimed} THEN occurred_at_ms END),
                   max(CASE WHEN occurred_at_ms <> {untimed} THEN occurred_at_ms END),
                   sum(CASE WHEN occurred_at_ms = {untimed} THEN 1 ELSE 0 END)
            FROM interactions GROUP BY network_id
            """, r => (Network: r.GetInt32(0), First: r.IsDBNull(1) ? (long?)null : r.GetInt64(1),
                       Last: r.IsDBNull(2) ? (long?)null : r.GetInt64(2), Untimed: r.GetInt64(3)), ct).ConfigureAwait(false);

        var byNetwork = networks.Select(n =>
        {
            var byKind = kinds.Where(k => k.Network == n.Id).OrderBy(k => k.Kind)
                .ToDictionary(k => InteractionKinds.Name(k.Kind), k => k.Count);
            var range = ranges.FirstOrDefault(r => r.Network == n.Id);
            return new NetworkStats(n.Name, accounts.GetValueOrDefault(n.Id), posts.GetValueOrDefault(n.Id), byKind.Values.Sum(), byKind,
                UnixTime.FromMs(range.First), UnixTime.FromMs(range.Last), range.Untimed);
        }).ToList();

        var topAccounts = top == 0 ? [] : await AdoCommands.ListAsync(connection, $"""
            SELECT n.name, a.external_id, a.handle, t.c, t.d
            FROM (SELECT target_id, count(*) AS c, count(DISTINCT actor_id) AS d
                  FROM interactions WHERE kind <> {(short)InteractionKind.Unfollow} GROUP BY target_id ORDER BY count(*) DESC, target_id LIMIT {top}) t
            JOIN accounts a ON a.id = t.target_id
            JOIN networks n ON n.id = a.network_id
            ORDER BY t.c DESC, t.target_id
            """, r => new TopAccount(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3), r.GetInt64(4)), ct).ConfigureAwait(false);

        var importRuns = Convert.ToInt64(await AdoCommands.ScalarAsync(connection, "SELECT count(*) FROM import_runs", ct).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture);
        return new DatasetStats(networks.Count, accounts.Values.Sum(), posts.Values.Sum(), byNetwork.Sum(n => n.Interactions),
            importRuns, byNetwork, topAccounts);
    }

    private static async Task<Dictionary<int, long>> CountsAsync(DbConnection connection, string sql, CancellationToken ct) =>
        (await AdoCommands.ListAsync(connection, sql, r => (Id: r.GetInt32(0), Count: r.GetInt64(1)), ct).ConfigureAwait(false))
            .ToDictionary(x => x.Id, x => x.Count);
}
