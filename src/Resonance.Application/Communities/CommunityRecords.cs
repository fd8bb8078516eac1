namespace Resonance.Application.Communities;

/// <summary>One community of a run.</summary>
/// <param name="Id">1 for the largest community, then by size (ties: the community holding the smaller account id first).</param>
/// <param name="Size">Accounts in it: every account of the run's engagement graph, scored or not.</param>
/// <param name="Scored">Its accounts that have a score in the run (the population of its members' community percentile).</param>
public sealed record CommunitySummary(int Id, int Size, int Scored);

/// <summary>A scored account's place in its community in one run.</summary>
/// <param name="AccountId">The store's account id.</param>
/// <param name="Community">The community's id (<see cref="CommunitySummary.Id"/>).</param>
/// <param name="Rank">1 for the highest raw score among the community's scored members (ties by account id, as the run's ranks).</param>
/// <param name="Centrality">The account's engagement weight inside its community: the sum of the undirected engagement
/// edge weights to other members (its internal strength). Labels name the most central consenting members.</param>
public sealed record CommunityStanding(long AccountId, int Community, int Rank, double Centrality)
{
    /// <summary>The share of the community's scored members ranked at or above this account, in (0, 1]: 0.03 is "top 3%".</summary>
    /// <param name="scored">The community's scored members (<see cref="CommunitySummary.Scored"/>).</param>
    public double TopShare(int scored) => scored > 0 ? (double)Rank / scored : 1;
}

/// <summary>A run's communities as they are saved with it.</summary>
/// <param name="Communities">Every community, by id.</param>
/// <param name="Members">The standing of every scored account.</param>
/// <param name="Quality">The objective's value of the partition: modularity at the resolution used (Leiden), or the
/// codelength in bits (Infomap).</param>
/// <param name="Iterations">Leiden iterations run, or Infomap's trials.</param>
/// <param name="Membership">The community id of every node of the run's engagement graph, indexed like
/// <see cref="Scoring.EngagementGraph.AccountIds"/> (scored or not; not saved: the run keeps the scored members' standings).</param>
public sealed record CommunityDraft(IReadOnlyList<CommunitySummary> Communities, IReadOnlyList<CommunityStanding> Members, double Quality, int Iterations,
    IReadOnlyList<int> Membership);
