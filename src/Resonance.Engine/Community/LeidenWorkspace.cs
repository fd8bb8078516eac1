namespace Resonance.Engine.Community;

/// <summary>Scratch arrays for one Leiden run, sized once for the input graph and reused at every level and iteration.</summary>
/// <remarks>
/// In the refinement a refined community is named after the position, in <see cref="ClusterNodes"/>, of the node it
/// started from, so the arrays indexed by refined community are read and written only within the slice of positions that
/// the members of the community being refined occupy (which keeps the accesses local); the candidate and
/// cumulative-probability lists use that slice too, which is never smaller than the number of refined communities it can
/// hold. About 70 bytes per node.
/// </remarks>
internal sealed class LeidenWorkspace(int n)
{
    /// <summary>Total node weight per community.</summary>
    public double[] ClusterWeight { get; } = new double[n];

    /// <summary>Number of nodes per community (local moving), to find empty communities.</summary>
    public int[] ClusterSize { get; } = new int[n];

    /// <summary>Stack of empty community ids (local moving).</summary>
    public int[] EmptyClusters { get; } = new int[n];

    /// <summary>Edge weight from the current node to each community; kept all zero between uses.</summary>
    public double[] EdgeWeightTo { get; } = new double[n];

    /// <summary>Whether a community is already in the candidate list; kept all false between uses.</summary>
    public bool[] Touched { get; } = new bool[n];

    /// <summary>Candidate communities of the current node.</summary>
    public int[] Candidates { get; } = new int[n];

    /// <summary>Gains, then cumulative selection weights, aligned with <see cref="Candidates"/> (refinement).</summary>
    public double[] Cumulative { get; } = new double[n];

    /// <summary>The local-moving queue (a ring buffer) and, in the refinement, each community's visiting order.</summary>
    public int[] Queue { get; } = new int[n];

    /// <summary>Whether a node is in the local-moving queue.</summary>
    public bool[] Queued { get; } = new bool[n];

    /// <summary>Refined community of each node.</summary>
    public int[] Refined { get; } = new int[n];

    /// <summary>Edge weight between a refined community and the rest of its community (refinement).</summary>
    public double[] External { get; } = new double[n];

    /// <summary>Whether a refined community has grown beyond its first node (refinement).</summary>
    public bool[] NonSingleton { get; } = new bool[n];

    /// <summary>Offsets of each community's members in <see cref="ClusterNodes"/> (length n+1).</summary>
    public int[] ClusterOffsets { get; } = new int[n + 1];

    /// <summary>Nodes grouped by community, ascending within each.</summary>
    public int[] ClusterNodes { get; } = new int[n];

    /// <summary>Id map used when renumbering a membership.</summary>
    public int[] Renumber { get; } = new int[n];

    /// <summary>Renumbers <paramref name="labels"/>[0..count) (values in [0, count)) by order of first appearance; returns k.</summary>
    public int RenumberInPlace(int[] labels, int count)
    {
        var map = Renumber;
        Array.Fill(map, -1, 0, count);
        var k = 0;
        for (var v = 0; v < count; v++)
        {
            ref var id = ref map[labels[v]];
            if (id < 0)
            {
                id = k++;
            }

            labels[v] = id;
        }

        return k;
    }
}
