using Resonance.Application.Scoring;
using Resonance.Application.Topics;
using Resonance.Storage.Scoring;

namespace Resonance.Storage;

// The topic scores and evidence saved with each run.
public abstract partial class RelationalResonanceStore : IRunTopicStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<AccountScore>> TopicScoresAsync(long runId, string topic, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return QueryAsync((c, t) => TopicRunQueries.ScoresAsync(c, runId, topic, t), ct);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredTopicScore>> AccountTopicScoresAsync(long runId, long accountId, CancellationToken ct = default) =>
        QueryAsync((c, t) => TopicRunQueries.AccountScoresAsync(c, runId, accountId, t), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<AccountTopic>> AccountTopicsAsync(long runId, long accountId, CancellationToken ct = default) =>
        QueryAsync((c, t) => TopicRunQueries.AccountTopicsAsync(c, runId, accountId, t), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredTopicEngagement>> TopicEngagementsAsync(long runId, CancellationToken ct = default) =>
        QueryAsync((c, t) => TopicRunQueries.EngagementsAsync(c, runId, t), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<ScoreContribution>> TopicContributionsAsync(long runId, string topic, long accountId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return QueryAsync((c, t) => TopicRunQueries.ContributionsAsync(c, runId, topic, accountId, t), ct);
    }
}
