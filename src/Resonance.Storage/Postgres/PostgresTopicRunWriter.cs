using Npgsql;
using NpgsqlTypes;
using Resonance.Application.Topics;
using Resonance.Storage.Scoring;

namespace Resonance.Storage.Postgres;

/// <summary>Writes a run's topics on PostgreSQL inside the run's own transaction (<see cref="PostgresScoreRunWriter"/>):
/// binary COPY into <c>topic_scores</c> (scores and evidence counts) in key order.</summary>
internal static class PostgresTopicRunWriter
{
    public static async Task WriteAsync(NpgsqlConnection connection, long runId, RunTopicsDraft? topics, CancellationToken ct)
    {
        if (topics is null)
        {
            return;
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY topic_scores (run_id, account_id, topic, rank, score, low, high, raw, base, reach, amplification, impact, posts, engagements, engagers) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var row in TopicRunRows.Scores(topics))
            {
                var s = row.Score;
                writer.StartRow();
                writer.Write(runId, NpgsqlDbType.Bigint);
                writer.Write(s.AccountId, NpgsqlDbType.Bigint);
                writer.Write(row.Topic, NpgsqlDbType.Text);
                PostgresScoreRunWriter.WriteScoreColumns(writer, s);
                if (row.Counts is { } c)
                {
                    writer.Write(c.Posts, NpgsqlDbType.Integer);
                    writer.Write(c.Engagements, NpgsqlDbType.Double);
                    writer.Write(c.Engagers, NpgsqlDbType.Integer);
                }
                else
                {
                    writer.WriteNull();
                    writer.WriteNull();
                    writer.WriteNull();
                }
            }
            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }
    }
}
