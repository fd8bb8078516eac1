using Resonance.Application.Communities;
using Resonance.Application.Members;
using Resonance.Storage.Scoring;

namespace Resonance.Storage;

// The communities saved with each run.
public abstract partial class RelationalResonanceStore : ICommunityStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<CommunitySummary>> CommunitiesAsync(long runId, CancellationToken ct = default) =>
        QueryAsync((c, t) => CommunityQueries.CommunitiesAsync(c, runId, t), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<CommunityStanding>> CommunityStandingsAsync(long runId, IReadOnlyCollection<long> accountIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        return QueryAsync((c, t) => CommunityQueries.StandingsAsync(c, runId, accountIds, t), ct);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CommunityStanding>> CommunityMembersAsync(long runId, int community, int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return QueryAsync((c, t) => CommunityQueries.MembersAsync(c, runId, community, count, t), ct);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CommunityStanding>> AllCommunityStandingsAsync(long runId, CancellationToken ct = default) =>
        QueryAsync((c, t) => CommunityQueries.AllAsync(c, runId, t), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<(CommunityStanding Standing, Consent Consent)>> ClaimedStandingsAsync(long runId, CancellationToken ct = default) =>
        QueryAsync((c, t) => CommunityQueries.ClaimedAsync(c, runId, t), ct);

    /// <inheritdoc />
    public Task<bool> HasTopicTextAsync(string? network, long toMs, CancellationToken ct = default) =>
        QueryAsync((c, t) => CommunityQueries.HasTopicTextAsync(c, network, toMs, t), ct);
}
