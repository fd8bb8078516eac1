namespace Resonance.Storage.Entities;

/// <summary>One community of one run. Bulk data: written only by the run writers, keyed by (run, community).</summary>
public sealed class CommunityEntity
{
    public long RunId { get; set; }
    public int CommunityId { get; set; }
    public int Size { get; set; }
    public int Scored { get; set; }
}

/// <summary>A scored account's community, its rank inside it and its centrality, in one run. Bulk data keyed by (run, account).</summary>
public sealed class CommunityMemberEntity
{
    public long RunId { get; set; }
    public long AccountId { get; set; }
    public int CommunityId { get; set; }
    public int CommunityRank { get; set; }
    public double Centrality { get; set; }
}
