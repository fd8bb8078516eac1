using Npgsql;
using NpgsqlTypes;
using Resonance.Application.Communities;
using Resonance.Application.Scoring;
using Resonance.Storage.Scoring;

namespace Resonance.Storage.Postgres;

/// <summary>
/// Saves a scoring run on PostgreSQL: one transaction, the header, then binary COPY straight into <c>account_scores</c> and
/// <c>score_contributions</c> in key order. A key violation aborts the COPY and the transaction, so nothing of the run remains.
/// </summary>
internal static class PostgresScoreRunWriter
{
    public static async Task<long> SaveAsync(NpgsqlDataSource dataSource, ScoreRunDraft run, CancellationToken ct)
    {
        var scores = ScoreRunRows.Scores(run);
        var contributions = ScoreRunRows.Contributions(run);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        long runId;
        await using (var cmd = new NpgsqlCommand { Connection = connection, Transaction = transaction })
        {
            ScoreRunSql.BindInsert(cmd, run.Info);
            runId = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY account_scores (run_id, account_id, rank, score, low, high, raw, base, reach, amplification, impact) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            // Synchronous writes, as in the import session: they only block when Npgsql's buffer flushes.
            foreach (var s in scores)
            {
                writer.StartRow();
                writer.Write(runId, NpgsqlDbType.Bigint);
                writer.Write(s.AccountId, NpgsqlDbType.Bigint);
                PostgresScoreRunWriter.WriteScoreColumns(writer, s);
            }
            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }
        ct.ThrowIfCancellationRequested();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY score_contributions (run_id, account_id, engager_id, reach, amplification, impact) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var c in contributions)
            {
                writer.StartRow();
                writer.Write(runId, NpgsqlDbType.Bigint);
                writer.Write(c.AccountId, NpgsqlDbType.Bigint);
                writer.Write(c.EngagerId, NpgsqlDbType.Bigint);
                writer.Write(c.Reach, NpgsqlDbType.Double);
                writer.Write(c.Amplification, NpgsqlDbType.Double);
                writer.Write(c.Impact, NpgsqlDbType.Double);
            }
            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }
        // Awaited only now: the community step runs beside the copies above (ScoringService).
        if (await run.CommunitiesAsync().ConfigureAwait(false) is { } communities)
        {
            await CopyCommunitiesAsync(connection, runId, communities.Communities, ScoreRunRows.CommunityMembers(communities), ct).ConfigureAwait(false);
        }
        await PostgresTopicRunWriter.WriteAsync(connection, runId, await run.TopicsAsync().ConfigureAwait(false), ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return runId;
    }

    /// <summary>Writes a score's columns from <c>rank</c> to <c>impact</c>, in the order <c>account_scores</c> and
    /// <c>topic_scores</c> share.</summary>
    internal static void WriteScoreColumns(NpgsqlBinaryImporter writer, AccountScore s)
    {
        writer.Write(s.Rank, NpgsqlDbType.Integer);
        writer.Write(s.Score, NpgsqlDbType.Double);
        writer.Write(s.Low, NpgsqlDbType.Double);
        writer.Write(s.High, NpgsqlDbType.Double);
        writer.Write(s.Raw, NpgsqlDbType.Double);
        writer.Write(s.Base, NpgsqlDbType.Double);
        writer.Write(s.Reach, NpgsqlDbType.Double);
        writer.Write(s.Amplification, NpgsqlDbType.Double);
        writer.Write(s.Impact, NpgsqlDbType.Double);
    }

    private static async Task CopyCommunitiesAsync(NpgsqlConnection connection, long runId, IReadOnlyList<CommunitySummary> communities,
        CommunityStanding[] members, CancellationToken ct)
    {
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY communities (run_id, community_id, size, scored) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var c in communities)
            {
                writer.StartRow();
                writer.Write(runId, NpgsqlDbType.Bigint);
                writer.Write(c.Id, NpgsqlDbType.Integer);
                writer.Write(c.Size, NpgsqlDbType.Integer);
                writer.Write(c.Scored, NpgsqlDbType.Integer);
            }
            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }
        ct.ThrowIfCancellationRequested();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY community_members (run_id, account_id, community_id, community_rank, centrality) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var m in members)
            {
                writer.StartRow();
                writer.Write(runId, NpgsqlDbType.Bigint);
                writer.Write(m.AccountId, NpgsqlDbType.Bigint);
                writer.Write(m.Community, NpgsqlDbType.Integer);
                writer.Write(m.Rank, NpgsqlDbType.Integer);
                writer.Write(m.Centrality, NpgsqlDbType.Double);
            }
            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }
    }
}
