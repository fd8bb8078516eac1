using System.Diagnostics.CodeAnalysis;

namespace Resonance.Engine.Community;

/// <summary>Builds an <see cref="UndirectedGraph"/> from edge arrays with two stable counting sorts and a merge.</summary>
/// <remarks>
/// Method: every non-loop edge {a, b} yields two entries, (a → b) and (b → a). Both are first bucketed by neighbour,
/// then the buckets are walked in ascending neighbour order and each entry is appended to its owner's list, so every
/// owner's list comes out sorted by neighbour without a comparison sort, with the entries of a repeated pair adjacent
/// and in input order. A final pass sums adjacent repeats, left to right, and compacts the arrays. Self-loops are
/// summed into a per-node array instead.
/// Complexity: O(n + m) time; O(n + m) extra memory (one temporary copy of the entries).
/// Determinism: both sorts are stable, so each pair's weight is summed in input order, identically for both ends.
/// </remarks>
internal static class UndirectedGraphBuilder
{
    /// <summary>Builds the graph; an empty <paramref name="weights"/> means weight 1 per edge.</summary>
    public static UndirectedGraph Build(int nodeCount, ReadOnlySpan<int> a, ReadOnlySpan<int> b, ReadOnlySpan<double> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentOutOfRangeException.ThrowIfEqual(nodeCount, int.MaxValue);
        if (b.Length != a.Length)
        {
            throw new ArgumentException($"b has {b.Length} entries but a has {a.Length}.", nameof(b));
        }

        var weighted = !weights.IsEmpty;
        if (weighted && weights.Length != a.Length)
        {
            throw new ArgumentException($"weights has {weights.Length} entries but a has {a.Length}.", nameof(weights));
        }

        // 1. Validate, sum self-loops, and count each node's non-loop entries (its degree counting repeats).
        var selfLoops = new double[nodeCount];
        var offsets = new int[nodeCount + 1];
        for (var i = 0; i < a.Length; i++)
        {
            int u = a[i], v = b[i];
            if ((uint)u >= (uint)nodeCount || (uint)v >= (uint)nodeCount)
            {
                ThrowBadEdge(i, u, v, nodeCount);
            }

            var w = weighted ? weights[i] : 1.0;
            if (!(w >= 0) || double.IsInfinity(w))
            {
                ThrowBadWeight(i, w);
            }

            if (u == v)
            {
                selfLoops[u] += w;
            }
            else
            {
                offsets[u + 1]++;
                offsets[v + 1]++;
            }
        }

        for (var v = 0; v < nodeCount; v++)
        {
            offsets[v + 1] += offsets[v];
        }

        // 2. Bucket every entry by its neighbour, in input order. The bucket sizes equal the list sizes (symmetry).
        var entries = offsets[nodeCount];
        var owners = new int[entries];
        var bucketWeights = new double[entries];
        var cursor = offsets[..^1];
        for (var i = 0; i < a.Length; i++)
        {
            int u = a[i], v = b[i];
            if (u != v)
            {
                var w = weighted ? weights[i] : 1.0;
                var p = cursor[v]++;
                owners[p] = u;
                bucketWeights[p] = w;
                p = cursor[u]++;
                owners[p] = v;
                bucketWeights[p] = w;
            }
        }

        // 3. Walk the buckets in neighbour order and append each entry to its owner's list: lists come out sorted.
        var neighbors = new int[entries];
        var listWeights = new double[entries];
        Array.Copy(offsets, cursor, nodeCount);
        for (var x = 0; x < nodeCount; x++)
        {
            for (var p = offsets[x]; p < offsets[x + 1]; p++)
            {
                var q = cursor[owners[p]]++;
                neighbors[q] = x;
                listWeights[q] = bucketWeights[p];
            }
        }

        // 4. Sum adjacent repeats left to right and compact in place (the write index never passes the read index).
        var write = 0;
        var start = 0;
        for (var v = 0; v < nodeCount; v++)
        {
            var end = offsets[v + 1];
            offsets[v] = write;
            for (var p = start; p < end; p++)
            {
                if (write > offsets[v] && neighbors[write - 1] == neighbors[p])
                {
                    listWeights[write - 1] += listWeights[p];
                }
                else
                {
                    neighbors[write] = neighbors[p];
                    listWeights[write] = listWeights[p];
                    write++;
                }
            }

            start = end;
        }

        offsets[nodeCount] = write;
        if (write < entries)
        {
            Array.Resize(ref neighbors, write);
            Array.Resize(ref listWeights, write);
        }

        return new UndirectedGraph(offsets, neighbors, listWeights, selfLoops);
    }

    [DoesNotReturn]
    private static void ThrowBadEdge(int index, int u, int v, int n) =>
        throw new ArgumentOutOfRangeException("a", $"Edge {index} is {{{u}, {v}}}, which has an end outside the node range [0, {n}).");

    [DoesNotReturn]
    private static void ThrowBadWeight(int index, double w) =>
        throw new ArgumentException($"Edge {index} has weight {w}; weights must be finite and non-negative.", "weights");
}
