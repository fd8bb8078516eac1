using Microsoft.Data.Sqlite;
using Resonance.Application.Topics;
using Resonance.Storage.Scoring;

namespace Resonance.Storage.Sqlite;

/// <summary>Writes a run's topics on SQLite inside the run's own transaction (<see cref="SqliteScoreRunWriter"/>):
/// prepared multi-row inserts into <c>topic_scores</c>, <c>topic_contributions</c> and <c>account_topics</c> in key order.</summary>
internal static class SqliteTopicRunWriter
{
    public static void Write(SqliteConnection connection, long runId, RunTopicsDraft? topics, CancellationToken ct)
    {
        if (topics is null)
        {
            return;
        }
        using (var insert = new SqliteMultiRowInsert<TopicScoreRow>(connection.Handle!,
            "INSERT INTO topic_scores (run_id, account_id, topic, rank, score, low, high, raw, base, reach, amplification, impact) VALUES ", 12,
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
            }))
        {
            insert.Insert(TopicRunRows.Scores(topics), ct);
        }
        using (var insert = new SqliteMultiRowInsert<TopicContributionRow>(connection.Handle!,
            "INSERT INTO topic_contributions (run_id, topic, account_id, engager_id, reach, amplification, impact) VALUES ", 7,
            (RawStatement s, int o, in TopicContributionRow row) =>
            {
                var c = row.Contribution;
                s.Bind(o + 1, runId);
                s.Bind(o + 2, row.Topic);
                s.Bind(o + 3, c.AccountId);
                s.Bind(o + 4, c.EngagerId);
                s.Bind(o + 5, c.Reach);
                s.Bind(o + 6, c.Amplification);
                s.Bind(o + 7, c.Impact);
            }))
        {
            insert.Insert(TopicRunRows.Contributions(topics), ct);
        }
        using (var insert = new SqliteMultiRowInsert<AccountTopicStoredRow>(connection.Handle!,
            "INSERT INTO account_topics (run_id, account_id, topic, position, posts, engagements, engagers, terms, top_posts) VALUES ", 9,
            (RawStatement s, int o, in AccountTopicStoredRow row) =>
            {
                s.Bind(o + 1, runId);
                s.Bind(o + 2, row.AccountId);
                s.Bind(o + 3, row.Topic);
                s.Bind(o + 4, row.Position);
                s.Bind(o + 5, row.Posts);
                s.Bind(o + 6, row.Engagements);
                s.Bind(o + 7, row.Engagers);
                s.Bind(o + 8, row.Terms);
                s.Bind(o + 9, row.TopPosts);
            }))
        {
            insert.Insert(TopicRunRows.Evidence(topics), ct);
        }
    }
}
