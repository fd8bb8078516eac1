using Resonance.Application.Scoring;

namespace Resonance.Application.Topics;

/// <summary>One topic's ranking in a run: the scores on the topic (by rank) and every engager's contribution.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Scores">The accounts engaged on the topic, by rank.</param>
/// <param name="Contributions">Per (account, engager) pair, what the engager added to the account's topic score.</param>
public sealed record TopicRanking(string Topic, IReadOnlyList<AccountScore> Scores, IReadOnlyList<ScoreContribution> Contributions);

/// <summary>One topic of one account in a run, with its evidence (<see cref="AccountTopics"/>).</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Position">0 for the account's most engaged topic, then in <see cref="AccountTopics"/>' order.</param>
/// <param name="Topic">The topic and its evidence.</param>
public sealed record AccountTopicRow(long AccountId, int Position, AccountTopic Topic);

/// <summary>A run's topics as they are saved with it: every topic's ranking and every account's topics with their counts.</summary>
/// <param name="Rankings">One per topic that anyone engaged on in the window, by topic name (ordinal); a run's own step
/// leaves <see cref="TopicRanking.Contributions"/> empty (they are derived on read for one account, <see cref="TopicShareOnRead"/>).</param>
/// <param name="Evidence">Every account's topics, by account id, then position; a run's own step keeps only the counts
/// (posts, engagements, engagers), with no terms or top posts, and stores them beside the account's topic score.</param>
public sealed record RunTopicsDraft(IReadOnlyList<TopicRanking> Rankings, IReadOnlyList<AccountTopicRow> Evidence);
