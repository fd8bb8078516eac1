using Npgsql;
using NpgsqlTypes;
using Resonance.Application.Topics;
using Resonance.Storage.Scoring;

namespace Resonance.Storage.Postgres;

/// <summary>Writes a run's topics on PostgreSQL inside the run's own transaction (<see cref="PostgresScoreRunWriter"/>):
/// binary COPY into <c>topic_scores</c>, <c>topic_contributions</c> and <c>account_topics</c> in key order.</summary>
internal static class PostgresTopicRunWriter
{
    public static async Task WriteAsync(NpgsqlConnection connection, long runId, RunTopicsDraft? topics, CancellationToken ct)
    {
        if (topics is null)
        {
            return;
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY topic_scores (run_id, account_id, topic, rank, score, low, high, raw, base, reach, amplification, impact) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var row in TopicRunRows.Scores(topics))
            {
                var s = row.Score;
                writer.StartRow();
                writer.Write(runId, NpgsqlDbType.Bigint);
                writer.Write(s.AccountId, NpgsqlDbType.Bigint);
                writer.Write(row.Topic, NpgsqlDbType.Text);
                PostgresScoreRunWriter.WriteScoreColumns(writer, s);
            }
            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }
        ct.ThrowIfCancellationRequested();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY topic_contributions (run_id, topic, account_id, engager_id, reach, amplification, impact) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var row in TopicRunRows.Contributions(topics))
            {
                var c = row.Contribution;
                writer.StartRow();
                writer.Write(runId, NpgsqlDbType.Bigint);
                writer.Write(row.Topic, NpgsqlDbType.Text);
                writer.Write(c.AccountId, NpgsqlDbType.Bigint);
                writer.Write(c.EngagerId, NpgsqlDbType.Bigint);
                writer.Write(c.Reach, NpgsqlDbType.Double);
                writer.Write(c.Amplification, NpgsqlDbType.Double);
                writer.Write(c.Impact, NpgsqlDbType.Double);
            }
            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }
        ct.ThrowIfCancellationRequested();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY account_topics (run_id, account_id, topic, position, posts, engagements, engagers, terms, top_posts) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var row in TopicRunRows.Evidence(topics))
            {
                writer.StartRow();
                writer.Write(runId, NpgsqlDbType.Bigint);
                writer.Write(row.AccountId, NpgsqlDbType.Bigint);
                writer.Write(row.Topic, NpgsqlDbType.Text);
                writer.Write(row.Position, NpgsqlDbType.Integer);
                writer.Write(row.Posts, NpgsqlDbType.Integer);
                writer.Write(row.Engagements, NpgsqlDbType.Double);
                writer.Write(row.Engagers, NpgsqlDbType.Integer);
                writer.Write(row.Terms, NpgsqlDbType.Text);
                writer.Write(row.TopPosts, NpgsqlDbType.Text);
            }
            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }
    }
}
