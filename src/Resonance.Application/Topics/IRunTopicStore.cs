using Resonance.Application.Scoring;

namespace Resonance.Application.Topics;

/// <summary>An account's stored score on one topic, with the number of accounts ranked on that topic in the run.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Score">The account's score on it.</param>
/// <param name="Ranked">Accounts scored on the topic in the run.</param>
public sealed record StoredTopicScore(string Topic, AccountScore Score, int Ranked);

/// <summary>The engagement by others on one account's posts about one topic, as stored with a run (<see cref="AccountTopic.Engagements"/>).</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Engagements">Weighted interactions by others on its posts about the topic in the run's window.</param>
public sealed record StoredTopicEngagement(long AccountId, string Topic, double Engagements);

/// <summary>Reads the topics saved with a run (written with the run itself by <see cref="IScoreStore.SaveRunAsync"/>).</summary>
/// <remarks>A run whose <see cref="ScoringParameters.Topics"/> is null stores none: every read returns empty.</remarks>
public interface IRunTopicStore
{
    /// <summary>Every account's score on <paramref name="topic"/> in the run, by rank.</summary>
    Task<IReadOnlyList<AccountScore>> TopicScoresAsync(long runId, string topic, CancellationToken ct = default);

    /// <summary>The scores of <paramref name="accountId"/> on each of its topics in the run.</summary>
    Task<IReadOnlyList<StoredTopicScore>> AccountTopicScoresAsync(long runId, long accountId, CancellationToken ct = default);

    /// <summary>The topics of <paramref name="accountId"/> with their evidence, in the order the run stored them (most engaged first).</summary>
    Task<IReadOnlyList<AccountTopic>> AccountTopicsAsync(long runId, long accountId, CancellationToken ct = default);

    /// <summary>Every account's topics in the run with their engagement (for community labels), by account then in stored order.</summary>
    Task<IReadOnlyList<StoredTopicEngagement>> TopicEngagementsAsync(long runId, CancellationToken ct = default);

    /// <summary>The contributions on <paramref name="topic"/> to <paramref name="accountId"/> and from it (as engager).</summary>
    Task<IReadOnlyList<ScoreContribution>> TopicContributionsAsync(long runId, string topic, long accountId, CancellationToken ct = default);
}
