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
}
