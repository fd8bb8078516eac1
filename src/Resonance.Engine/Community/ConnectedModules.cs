namespace Resonance.Engine.Community;

/// <summary>Splits every community of a partition into its connected parts.</summary>
/// <remarks>
/// <para>Method: a breadth-first search from each node not yet reached, following only edges of positive weight whose
/// two ends share the community; each search labels one part. Used by <see cref="Infomap"/>, whose local moving (like
/// Louvain's) can leave a module disconnected when a node that held it together moves away.</para>
/// <para>Complexity: O(n + m) time, O(n) extra memory.</para>
/// <para>Determinism: parts are numbered in order of their smallest node, so the result depends on the inputs alone.</para>
/// </remarks>
public static class ConnectedModules
{
    /// <summary>Returns a membership in which each community of <paramref name="membership"/> is cut into its connected
    /// parts, numbered 0.. by smallest node.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="membership">The community label of each node; any integers.</param>
    /// <exception cref="ArgumentException">The membership length is not n.</exception>
    public static int[] Split(UndirectedGraph graph, ReadOnlySpan<int> membership)
    {
        ArgumentNullException.ThrowIfNull(graph);
        PartitionLabels.RequireLength(membership, graph.NodeCount, nameof(membership));
        var n = graph.NodeCount;
        var offsets = graph.Offsets;
        var neighbors = graph.NeighborArray;
        var weights = graph.WeightArray;
        var part = new int[n];
        Array.Fill(part, -1);
        var queue = new int[n];
        var parts = 0;
        for (var s = 0; s < n; s++)
        {
            if (part[s] >= 0)
            {
                continue;
            }

            var community = membership[s];
            part[s] = parts;
            int head = 0, tail = 0;
            queue[tail++] = s;
            while (head < tail)
            {
                var v = queue[head++];
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    var u = neighbors[e];
                    if (part[u] < 0 && weights[e] > 0 && membership[u] == community)
                    {
                        part[u] = parts;
                        queue[tail++] = u;
                    }
                }
            }

            parts++;
        }

        return part;
    }
}
