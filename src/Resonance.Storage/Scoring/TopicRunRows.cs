using System.Text.Json;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;

namespace Resonance.Storage.Scoring;

/// <summary>One row of <c>topic_scores</c>.</summary>
internal readonly record struct TopicScoreRow(string Topic, AccountScore Score);

/// <summary>One row of <c>topic_contributions</c>.</summary>
internal readonly record struct TopicContributionRow(string Topic, ScoreContribution Contribution);

/// <summary>One row of <c>account_topics</c>, its lists as JSON.</summary>
internal readonly record struct AccountTopicStoredRow(long AccountId, string Topic, int Position, int Posts, double Engagements, int Engagers,
    string Terms, string TopPosts);

/// <summary>A run's topic draft as rows for the bulk writers, each table in its primary key's order, and the JSON of the
/// evidence lists (read back by <see cref="TopicRunQueries"/>).</summary>
internal static class TopicRunRows
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Topic scores by (account, topic); throws <see cref="ArgumentException"/> for a NaN.</summary>
    public static TopicScoreRow[] Scores(RunTopicsDraft topics)
    {
        var rows = topics.Rankings.SelectMany(r => r.Scores.Select(s => new TopicScoreRow(r.Topic, s))).ToArray();
        foreach (var r in rows)
        {
            Require(r.Score.AccountId, r.Score.Score, r.Score.Low, r.Score.High, r.Score.Raw, r.Score.Base, r.Score.Reach, r.Score.Amplification, r.Score.Impact);
        }
        Array.Sort(rows, (a, b) =>
        {
            var c = a.Score.AccountId.CompareTo(b.Score.AccountId);
            return c != 0 ? c : string.CompareOrdinal(a.Topic, b.Topic);
        });
        return rows;
    }

    /// <summary>Topic contributions by (topic, account, engager); throws <see cref="ArgumentException"/> for a NaN.</summary>
    public static TopicContributionRow[] Contributions(RunTopicsDraft topics)
    {
        var rows = new List<TopicContributionRow>();
        foreach (var r in topics.Rankings.OrderBy(r => r.Topic, StringComparer.Ordinal))
        {
            var part = r.Contributions.ToArray();
            Array.Sort(part, (a, b) =>
            {
                var c = a.AccountId.CompareTo(b.AccountId);
                return c != 0 ? c : a.EngagerId.CompareTo(b.EngagerId);
            });
            foreach (var c in part)
            {
                Require(c.AccountId, c.Reach, c.Amplification, c.Impact);
                rows.Add(new TopicContributionRow(r.Topic, c));
            }
        }
        return [.. rows];
    }

    /// <summary>Account topics by (account, topic), the evidence lists as JSON.</summary>
    public static AccountTopicStoredRow[] Evidence(RunTopicsDraft topics)
    {
        var rows = topics.Evidence.Select(e => new AccountTopicStoredRow(e.AccountId, e.Topic.Topic, e.Position, e.Topic.Posts, e.Topic.Engagements,
            e.Topic.Engagers, TermsJson(e.Topic.Terms), TopPostsJson(e.Topic.TopPosts))).ToArray();
        Array.Sort(rows, (a, b) =>
        {
            var c = a.AccountId.CompareTo(b.AccountId);
            return c != 0 ? c : string.CompareOrdinal(a.Topic, b.Topic);
        });
        return rows;
    }

    public static string TermsJson(IReadOnlyList<string> terms) => JsonSerializer.Serialize(terms, Json);

    public static IReadOnlyList<string> Terms(string json) => JsonSerializer.Deserialize<List<string>>(json, Json) ?? [];

    public static string TopPostsJson(IReadOnlyList<(string PostId, double Engagements)> posts) =>
        JsonSerializer.Serialize(posts.Select(p => new TopPost(p.PostId, p.Engagements)).ToList(), Json);

    public static IReadOnlyList<(string PostId, double Engagements)> TopPosts(string json) =>
        [.. (JsonSerializer.Deserialize<List<TopPost>>(json, Json) ?? []).Select(p => (p.Post, p.Engagements))];

    private static void Require(long accountId, params ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                throw new ArgumentException($"The run has a NaN in the topic scores or contributions of account {accountId}; runs store numbers only.");
            }
        }
    }

    /// <summary>One of an account's most engaged posts on a topic, as stored.</summary>
    private sealed record TopPost(string Post, double Engagements);
}
