using Microsoft.Data.Sqlite;
using Resonance.Application.Communities;
using Resonance.Application.Scoring;
using Resonance.Storage.Scoring;

namespace Resonance.Storage.Sqlite;

/// <summary>Saves a scoring run on SQLite: one immediate transaction, the header, then prepared multi-row inserts in key order.</summary>
/// <remarks>The inserts say <c>OR FAIL</c>, not the default <c>ABORT</c>: a multi-row insert that may abort makes SQLite
/// copy every page it changes into a statement journal so the one statement can be undone, which was a quarter of the
/// save on Higgs. FAIL stops at a conflicting row without undoing the statement; the save then throws, the transaction
/// is never committed and rolls back when disposed, so a run is still saved whole or not at all.</remarks>
internal static class SqliteScoreRunWriter
{
    public static async Task<long> SaveAsync(string connectionString, ScoreRunDraft run, CancellationToken ct)
    {
        var scores = ScoreRunRows.Scores(run);
        var contributions = ScoreRunRows.Contributions(run);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await SqlitePragmas.ApplyAsync(connection, ct).ConfigureAwait(false);
        // Not committed means rolled back when disposed: a failed save leaves no header and no rows.
        await using var transaction = connection.BeginTransaction(deferred: false);
        long runId;
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = transaction;
            ScoreRunSql.BindInsert(cmd, run.Info);
            runId = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        using (var insert = new SqliteMultiRowInsert<AccountScore>(connection.Handle!,
            "INSERT OR FAIL INTO account_scores (run_id, account_id, rank, score, low, high, raw, base, reach, amplification, impact) VALUES ", 11, (RawStatement s, int o, in AccountScore row) => BindScore(s, o, runId, row)))
        {
            insert.Insert(scores, ct);
        }
        using (var insert = new SqliteMultiRowInsert<ScoreContribution>(connection.Handle!,
            "INSERT OR FAIL INTO score_contributions (run_id, account_id, engager_id, reach, amplification, impact) VALUES ", 6, (RawStatement s, int o, in ScoreContribution row) => BindContribution(s, o, runId, row)))
        {
            insert.Insert(contributions, ct);
        }
        // Awaited only now: the community step runs beside the writes above (ScoringService).
        if (await run.CommunitiesAsync().ConfigureAwait(false) is { } communities)
        {
            var members = ScoreRunRows.CommunityMembers(communities);
            using (var insert = new SqliteMultiRowInsert<CommunitySummary>(connection.Handle!,
                "INSERT OR FAIL INTO communities (run_id, community_id, size, scored) VALUES ", 4, (RawStatement s, int o, in CommunitySummary row) => BindCommunity(s, o, runId, row)))
            {
                insert.Insert([.. communities.Communities], ct);
            }
            using (var insert = new SqliteMultiRowInsert<CommunityStanding>(connection.Handle!,
                "INSERT OR FAIL INTO community_members (run_id, account_id, community_id, community_rank, centrality) VALUES ", 5, (RawStatement s, int o, in CommunityStanding row) => BindMember(s, o, runId, row)))
            {
                insert.Insert(members, ct);
            }
        }
        SqliteTopicRunWriter.Write(connection, runId, await run.TopicsAsync().ConfigureAwait(false), ct);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return runId;
    }

    private static void BindCommunity(RawStatement s, int offset, long runId, CommunitySummary row)
    {
        s.Bind(offset + 1, runId);
        s.Bind(offset + 2, row.Id);
        s.Bind(offset + 3, row.Size);
        s.Bind(offset + 4, row.Scored);
    }

    private static void BindMember(RawStatement s, int offset, long runId, CommunityStanding row)
    {
        s.Bind(offset + 1, runId);
        s.Bind(offset + 2, row.AccountId);
        s.Bind(offset + 3, row.Community);
        s.Bind(offset + 4, row.Rank);
        s.Bind(offset + 5, row.Centrality);
    }

    private static void BindScore(RawStatement s, int offset, long runId, AccountScore row)
    {
        s.Bind(offset + 1, runId);
        s.Bind(offset + 2, row.AccountId);
        s.Bind(offset + 3, row.Rank);
        s.Bind(offset + 4, row.Score);
        s.Bind(offset + 5, row.Low);
        s.Bind(offset + 6, row.High);
        s.Bind(offset + 7, row.Raw);
        s.Bind(offset + 8, row.Base);
        s.Bind(offset + 9, row.Reach);
        s.Bind(offset + 10, row.Amplification);
        s.Bind(offset + 11, row.Impact);
    }

    private static void BindContribution(RawStatement s, int offset, long runId, ScoreContribution row)
    {
        s.Bind(offset + 1, runId);
        s.Bind(offset + 2, row.AccountId);
        s.Bind(offset + 3, row.EngagerId);
        s.Bind(offset + 4, row.Reach);
        s.Bind(offset + 5, row.Amplification);
        s.Bind(offset + 6, row.Impact);
    }
}
