using Resonance.Application.Scoring;
using Resonance.Application.Topics;
using Resonance.Storage.Scoring;

namespace Resonance.Storage;

// The topic scores and their evidence counts saved with each run.
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
    public Task<IReadOnlyList<StoredTopicEngagement>> TopicEngagementsAsync(long runId, CancellationToken ct = default) =>
        QueryAsync((c, t) => TopicRunQueries.EngagementsAsync(c, runId, t), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<ScoreContribution>> MainContributionsAsync(long runId, long accountId, CancellationToken ct = default) =>
        QueryAsync((c, t) => TopicRunQueries.MainContributionsAsync(c, runId, accountId, t), ct);
}
