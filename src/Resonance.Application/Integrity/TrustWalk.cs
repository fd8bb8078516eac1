using Resonance.Engine.Trust;

namespace Resonance.Application.Integrity;

/// <summary>Which ratings become edges of a trust walk.</summary>
public enum RatingEdges
{
    /// <summary>Positive ratings only (endorsements), weighted by the rating when the walk is weighted.</summary>
    Endorsements,

    /// <summary>Every rating whatever its sign (the structure of who interacted with whom), weighted by its magnitude
    /// when the walk is weighted.</summary>
    AllInteractions,
}

/// <summary>One trust-propagation predictor: <see cref="SybilRank"/> over a choice of edges, direction and weighting.</summary>
/// <param name="Edges">Which ratings are edges (rater → rated).</param>
/// <param name="Direction">Which way trust may cross them.</param>
/// <param name="Weighted">Whether trust is split in proportion to the rating's magnitude.</param>
public sealed record TrustWalk(RatingEdges Edges, TrustDirection Direction, bool Weighted)
{
    /// <summary>The walk Resonance uses for trust: endorsements only, trust flowing from endorser to endorsed, in
    /// proportion to the endorsement's strength. Giving an endorsement earns nothing; only receiving one from the
    /// trusted does.</summary>
    public static readonly TrustWalk Endorsements = new(RatingEdges.Endorsements, TrustDirection.Forward, Weighted: true);

    /// <summary>The structure-only walk: every interaction is an edge, sign and strength ignored, as if replies and
    /// mentions were endorsements.</summary>
    public static readonly TrustWalk StructureOnly = new(RatingEdges.AllInteractions, TrustDirection.Forward, Weighted: false);

    /// <summary>Gets a readable name, e.g. "endorsements, forward, weighted".</summary>
    public string Name
    {
        get
        {
            var edges = Edges == RatingEdges.Endorsements ? "endorsements" : "all interactions";
            var direction = Direction == TrustDirection.Forward ? "forward" : "undirected";
            return $"{edges}, {direction}, {(Weighted ? "weighted" : "unweighted")}";
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
