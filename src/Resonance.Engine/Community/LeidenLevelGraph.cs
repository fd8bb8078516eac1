namespace Resonance.Engine.Community;

/// <summary>One level of the Leiden hierarchy: a symmetric weighted CSR without self-loops, plus a weight per node.</summary>
/// <remarks>
/// Level 0 shares the arrays of the input <see cref="UndirectedGraph"/>; each further level is the aggregate of the one
/// below by a refined partition (<see cref="Aggregate"/>). Self-loops are dropped at every level, as in igraph, because a
/// node's own loop weight never changes the gain of moving it: what it contributes to the quality is already fixed by
/// the partition of the level below, and the final quality is computed on the input graph.
/// </remarks>
internal sealed class LeidenLevelGraph(int[] offsets, int[] neighbors, double[] weights, double[] nodeWeights)
{
    /// <summary>CSR offsets, length n+1.</summary>
    public int[] Offsets { get; } = offsets;

    /// <summary>Neighbour ids (never the node itself); each pair {u, v} appears in both lists with the same weight. The array
    /// may be longer than <c>Offsets[n]</c>; entries past it are unused.</summary>
    public int[] Neighbors { get; } = neighbors;

    /// <summary>Edge weights aligned with <see cref="Neighbors"/>.</summary>
    public double[] Weights { get; } = weights;

    /// <summary>Node weights: strengths for modularity, node counts for CPM (summed when aggregated).</summary>
    public double[] NodeWeights { get; } = nodeWeights;

    /// <summary>The number of nodes at this level.</summary>
    public int NodeCount => NodeWeights.Length;

    /// <summary>Builds the aggregate graph whose node c is refined community c of this level.</summary>
    /// <param name="refined">The refined community of each node of this level, dense in <c>0..count-1</c>.</param>
    /// <param name="count">The number of refined communities.</param>
    /// <param name="workspace">Scratch arrays (only the neighbour accumulator and the candidate list are used).</param>
    /// <remarks>Each aggregate node's neighbours are listed in the order first met when scanning its members in
    /// ascending id and their lists in CSR order, so the result is a function of the inputs alone. O(n + m) time.</remarks>
    public LeidenLevelGraph Aggregate(int[] refined, int count, LeidenWorkspace workspace)
    {
        var n = NodeCount;
        var memberOffsets = new int[count + 1];
        for (var v = 0; v < n; v++)
        {
            memberOffsets[refined[v] + 1]++;
        }

        for (var c = 0; c < count; c++)
        {
            memberOffsets[c + 1] += memberOffsets[c];
        }

        var members = new int[n];
        var cursor = memberOffsets[..^1];
        for (var v = 0; v < n; v++)
        {
            members[cursor[refined[v]]++] = v;
        }

        var nodeWeights = new double[count];
        var offsets = new int[count + 1];
        // Sized for the worst case (no two edges merge) and not cleared: only the first offsets[count] entries are written.
        var neighbors = GC.AllocateUninitializedArray<int>(Offsets[NodeCount]);
        var weights = GC.AllocateUninitializedArray<double>(neighbors.Length);
        var edgeTo = workspace.EdgeWeightTo;
        var touched = workspace.Touched;
        var found = workspace.Candidates;
        var write = 0;
        for (var c = 0; c < count; c++)
        {
            var distinct = 0;
            var weight = 0.0;
            for (var i = memberOffsets[c]; i < memberOffsets[c + 1]; i++)
            {
                var v = members[i];
                weight += NodeWeights[v];
                // Gathers c itself too (its internal edges); it is dropped below, which leaves the others' sums and order as they were.
                distinct = LeidenLocalMoving.Gather(Neighbors, Weights, Offsets[v], Offsets[v + 1], refined, touched, found, distinct, edgeTo);
            }

            nodeWeights[c] = weight;
            for (var j = 0; j < distinct; j++)
            {
                var d = found[j];
                if (d != c)
                {
                    neighbors[write] = d;
                    weights[write] = edgeTo[d];
                    write++;
                }

                edgeTo[d] = 0;
                touched[d] = false;
            }

            offsets[c + 1] = write;
        }

        return new LeidenLevelGraph(offsets, neighbors, weights, nodeWeights);
    }
}
