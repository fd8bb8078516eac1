using Resonance.Application.Scoring;

namespace Resonance.Application.Topics;

/// <summary>What a run stored about an account's topic beside its topic score: the counts of its evidence.</summary>
/// <param name="Posts">The account's posts about the topic.</param>
/// <param name="Engagements">Weighted interactions by others on those posts in the run's window.</param>
/// <param name="Engagers">Distinct accounts behind them.</param>
public sealed record TopicCounts(int Posts, double Engagements, int Engagers);

/// <summary>An account's stored score on one topic, with the number of accounts ranked on that topic in the run.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Score">The account's score on it.</param>
/// <param name="Ranked">Accounts scored on the topic in the run.</param>
/// <param name="Counts">The evidence's counts at the run; null for a run stored before they were (nothing to check against).</param>
public sealed record StoredTopicScore(string Topic, AccountScore Score, int Ranked, TopicCounts? Counts = null);

/// <summary>The engagement by others on one account's posts about one topic, as stored with a run (<see cref="AccountTopic.Engagements"/>).</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Engagements">Weighted interactions by others on its posts about the topic in the run's window.</param>
public sealed record StoredTopicEngagement(long AccountId, string Topic, double Engagements);

/// <summary>Reads the topics saved with a run (written with the run itself by <see cref="IScoreStore.SaveRunAsync"/>): per
/// (account, topic) the topic score with its interval and the counts of its evidence. Per-engager topic contributions,
/// matched terms and top posts are not stored; <see cref="StoredTopicReader"/> derives them on read for one account.</summary>
/// <remarks>A run whose <see cref="ScoringParameters.Topics"/> is null stores none: every read returns empty.</remarks>
public interface IRunTopicStore
{
    /// <summary>Every account's score on <paramref name="topic"/> in the run, by rank.</summary>
    Task<IReadOnlyList<AccountScore>> TopicScoresAsync(long runId, string topic, CancellationToken ct = default);

    /// <summary>The scores of <paramref name="accountId"/> on each of its topics in the run, with their counts.</summary>
    Task<IReadOnlyList<StoredTopicScore>> AccountTopicScoresAsync(long runId, long accountId, CancellationToken ct = default);

    /// <summary>Every account's scored topics in the run with their engagement (for community labels), by account then topic.</summary>
    Task<IReadOnlyList<StoredTopicEngagement>> TopicEngagementsAsync(long runId, CancellationToken ct = default);

    /// <summary>The run's main contributions to <paramref name="accountId"/> (by every engager) and from it (to every
    /// account it engaged), by (account, engager): what topic-share@1 splits by topic.</summary>
    Task<IReadOnlyList<ScoreContribution>> MainContributionsAsync(long runId, long accountId, CancellationToken ct = default);
}
