using Resonance.Application.Scoring;
using Resonance.Application.Topics;

namespace Resonance.Storage.Scoring;

/// <summary>One row of <c>topic_scores</c>: the score and the counts of the account's evidence on the topic (null when the
/// draft has no evidence row for it).</summary>
internal readonly record struct TopicScoreRow(string Topic, AccountScore Score, AccountTopic? Counts);

/// <summary>A run's topic draft as rows for the bulk writers, in the primary key's order.</summary>
internal static class TopicRunRows
{
    /// <summary>Topic scores by (account, topic), each with its evidence counts; throws <see cref="ArgumentException"/> for a NaN.</summary>
    public static TopicScoreRow[] Scores(RunTopicsDraft topics)
    {
        var counts = new Dictionary<(long, string), AccountTopic>();
        foreach (var e in topics.Evidence)
        {
            counts[(e.AccountId, e.Topic.Topic)] = e.Topic;
        }

        var rows = topics.Rankings.SelectMany(r => r.Scores.Select(s => new TopicScoreRow(r.Topic, s, counts.GetValueOrDefault((s.AccountId, r.Topic))))).ToArray();
        foreach (var r in rows)
        {
            Require(r.Score.AccountId, r.Score.Score, r.Score.Low, r.Score.High, r.Score.Raw, r.Score.Base, r.Score.Reach, r.Score.Amplification, r.Score.Impact,
                r.Counts?.Engagements ?? 0);
        }
        Array.Sort(rows, (a, b) =>
        {
            var c = a.Score.AccountId.CompareTo(b.Score.AccountId);
            return c != 0 ? c : string.CompareOrdinal(a.Topic, b.Topic);
        });
        return rows;
    }

    private static void Require(long accountId, params ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                throw new ArgumentException($"The run has a NaN in the topic scores of account {accountId}; runs store numbers only.");
            }
        }
    }
}
