using Resonance.Application.Members;

namespace Resonance.Application.Communities;

/// <summary>Reads the communities saved with a run (written with the run itself by <see cref="Scoring.IScoreStore.SaveRunAsync"/>).</summary>
/// <remarks>A run saved before communities existed, or with <c>--no-communities</c>, has none: every read returns empty or null.</remarks>
public interface ICommunityStore
{
    /// <summary>The run's communities by id (largest first); empty when the run has none.</summary>
    Task<IReadOnlyList<CommunitySummary>> CommunitiesAsync(long runId, CancellationToken ct = default);

    /// <summary>The community standing of the given accounts in a run (accounts without one are left out).</summary>
    Task<IReadOnlyList<CommunityStanding>> CommunityStandingsAsync(long runId, IReadOnlyCollection<long> accountIds, CancellationToken ct = default);

    /// <summary>The first <paramref name="count"/> scored members of one community by community rank.</summary>
    Task<IReadOnlyList<CommunityStanding>> CommunityMembersAsync(long runId, int community, int count, CancellationToken ct = default);

    /// <summary>Every scored account's standing in a run, by account id.</summary>
    Task<IReadOnlyList<CommunityStanding>> AllCommunityStandingsAsync(long runId, CancellationToken ct = default);

    /// <summary>The standings of the run's scored accounts that a member has claimed and verified, each with that member's
    /// consent: the only rows a label may name someone from (<see cref="CommunityLabels"/> applies <see cref="Viewer.MaySee"/>).
    /// One plain query, so that a label costs no ORM start-up.</summary>
    Task<IReadOnlyList<(CommunityStanding Standing, Consent Consent)>> ClaimedStandingsAsync(long runId, CancellationToken ct = default);

    /// <summary>Whether any post of the network (or all networks) created up to <paramref name="toMs"/> carries text or
    /// hashtags, that is, whether topic labels can say anything.</summary>
    Task<bool> HasTopicTextAsync(string? network, long toMs, CancellationToken ct = default);
}
