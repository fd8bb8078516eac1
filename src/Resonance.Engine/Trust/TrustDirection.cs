namespace Resonance.Engine.Trust;

/// <summary>Which way trust may cross an edge in <see cref="SybilRank"/>.</summary>
public enum TrustDirection
{
    /// <summary>Every edge u→v is an undirected edge u–v, as in SybilRank [Cao et al. 2012]: trust crosses it both
    /// ways, each node splits its trust over its whole (weighted) degree, and the final trust is divided by that degree.</summary>
    Undirected,

    /// <summary>Trust crosses an edge u→v only from u to v (from the endorser to the endorsed): each node splits its
    /// trust over its out-edges, a node without out-weight keeps its trust, and the final trust is divided by the
    /// in-weight. Giving an edge earns nothing, so an account cannot buy trust by endorsing trusted accounts.</summary>
    Forward,
}
