using Microsoft.Data.Sqlite;
using Resonance.Application.Topics;
using Resonance.Storage.Scoring;

namespace Resonance.Storage.Sqlite;

/// <summary>Writes a run's topics on SQLite inside the run's own transaction (<see cref="SqliteScoreRunWriter"/>):
/// prepared multi-row inserts into <c>topic_scores</c> (scores and evidence counts) in key order.</summary>
internal static class SqliteTopicRunWriter
{
    public static void Write(SqliteConnection connection, long runId, RunTopicsDraft? topics, CancellationToken ct)
    {
        if (topics is null)
        {
            return;
        }
        using (var insert = new SqliteMultiRowInsert<TopicScoreRow>(connection.Handle!,
            "INSERT INTO topic_scores (run_id, account_id, topic, rank, score, low, high, raw, base, reach, amplification, impact, posts, engagements, engagers) VALUES ", 15,
            (RawStatement s, int o, in TopicScoreRow row) =>
            {
                var x = row.Score;
                s.Bind(o + 1, runId);
                s.Bind(o + 2, x.AccountId);
                s.Bind(o + 3, row.Topic);
                s.Bind(o + 4, x.Rank);
                s.Bind(o + 5, x.Score);
                s.Bind(o + 6, x.Low);
                s.Bind(o + 7, x.High);
                s.Bind(o + 8, x.Raw);
                s.Bind(o + 9, x.Base);
                s.Bind(o + 10, x.Reach);
                s.Bind(o + 11, x.Amplification);
                s.Bind(o + 12, x.Impact);
                if (row.Counts is { } c)
                {
                    s.Bind(o + 13, c.Posts);
                    s.Bind(o + 14, c.Engagements);
                    s.Bind(o + 15, c.Engagers);
                }
                else
                {
                    s.Bind(o + 13, (string?)null);
                    s.Bind(o + 14, (string?)null);
                    s.Bind(o + 15, (string?)null);
                }
            }))
        {
            insert.Insert(TopicRunRows.Scores(topics), ct);
        }
    }
}
