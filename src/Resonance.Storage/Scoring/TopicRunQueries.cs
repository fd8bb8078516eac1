using System.Data.Common;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;

namespace Resonance.Storage.Scoring;

/// <summary>The reads behind <see cref="IRunTopicStore"/>, in SQL that runs unchanged on SQLite and PostgreSQL.</summary>
internal static class TopicRunQueries
{
    private const string ScoreColumns = "account_id, rank, score, low, high, raw, base, reach, amplification, impact";

    public static async Task<IReadOnlyList<AccountScore>> ScoresAsync(DbConnection connection, long runId, string topic, CancellationToken ct) =>
        await AdoCommands.ListAsync(connection, $"SELECT {ScoreColumns} FROM topic_scores WHERE run_id = @run AND topic = @topic ORDER BY rank",
            r => ReadScore(r, 0), ct, ("@run", runId), ("@topic", topic)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<StoredTopicScore>> AccountScoresAsync(DbConnection connection, long runId, long accountId, CancellationToken ct) =>
        await AdoCommands.ListAsync(connection, $"""
            SELECT s.topic, (SELECT MAX(m.rank) FROM topic_scores m WHERE m.run_id = s.run_id AND m.topic = s.topic), {string.Join(", ", ScoreColumns.Split(", ").Select(c => "s." + c))},
                s.posts, s.engagements, s.engagers
            FROM topic_scores s WHERE s.run_id = @run AND s.account_id = @account ORDER BY s.topic
            """,
            r => new StoredTopicScore(r.GetString(0), ReadScore(r, 2), r.GetInt32(1),
                r.IsDBNull(12) || r.IsDBNull(13) || r.IsDBNull(14) ? null : new TopicCounts(r.GetInt32(12), r.GetDouble(13), r.GetInt32(14))),
            ct, ("@run", runId), ("@account", accountId)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<StoredTopicEngagement>> EngagementsAsync(DbConnection connection, long runId, CancellationToken ct) =>
        await AdoCommands.ListAsync(connection,
            "SELECT account_id, topic, engagements FROM topic_scores WHERE run_id = @run AND engagements IS NOT NULL ORDER BY account_id, topic",
            r => new StoredTopicEngagement(r.GetInt64(0), r.GetString(1), r.GetDouble(2)), ct, ("@run", runId)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<ScoreContribution>> MainContributionsAsync(DbConnection connection, long runId, long accountId,
        CancellationToken ct) =>
        await AdoCommands.ListAsync(connection, """
            SELECT account_id, engager_id, reach, amplification, impact FROM score_contributions
            WHERE run_id = @run AND account_id = @account
            UNION ALL
            SELECT account_id, engager_id, reach, amplification, impact FROM score_contributions
            WHERE run_id = @run AND engager_id = @account AND account_id <> @account
            ORDER BY 1, 2
            """,
            r => new ScoreContribution(r.GetInt64(0), r.GetInt64(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4)), ct,
            ("@run", runId), ("@account", accountId)).ConfigureAwait(false);

    private static AccountScore ReadScore(DbDataReader r, int o) => new(r.GetInt64(o), r.GetInt32(o + 1), r.GetDouble(o + 2), r.GetDouble(o + 3),
        r.GetDouble(o + 4), r.GetDouble(o + 5), r.GetDouble(o + 6), r.GetDouble(o + 7), r.GetDouble(o + 8), r.GetDouble(o + 9));
}
