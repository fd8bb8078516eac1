using System.Diagnostics.CodeAnalysis;

namespace Resonance.Engine.Graphs;

/// <summary>Builds a <see cref="CsrGraph"/> from parallel edge arrays with a parallel, stable counting sort.</summary>
/// <remarks>
/// Method: the edge list is cut into fixed-size chunks. Each chunk counts its edges per source node into its own
/// histogram; per node, the histograms are turned into chunk-local write cursors by a prefix sum over the node's
/// total degree (forming the offsets) and then over the chunks in chunk order; each chunk then scatters its edges in
/// input order. The same pass runs again keyed by target for the reverse CSR.
/// Complexity: O(n·k + m) time and O(n·k) extra memory for k chunks; k is at most 64 and at most m/(n+1), so the
/// histograms never take more memory than the edge arrays.
/// The reverse pass sorts the forward CSR's edges (sources ascending) rather than the input, so in-neighbour lists are
/// sorted by source, which lets pull kernels gather in address order.
/// Determinism: the sort is stable, so within a node out-neighbours are in input order and in-neighbours in ascending
/// order, and the arrays are identical for every thread count (the chunking does not depend on it either).
/// </remarks>
public static class CsrGraphBuilder
{
    private const int MinEdgesPerChunk = 1 << 16;
    private const int MaxChunks = 64;

    /// <summary>Builds a graph with <paramref name="nodeCount"/> nodes and edges <c>sources[i] → targets[i]</c>.</summary>
    /// <param name="nodeCount">The number of nodes, n; ids must lie in <c>[0, n)</c>.</param>
    /// <param name="sources">The source of each edge.</param>
    /// <param name="targets">The target of each edge; same length as <paramref name="sources"/>.</param>
    /// <param name="weights">An optional weight per edge; same length as <paramref name="sources"/>, or null.</param>
    /// <param name="degreeOfParallelism">Threads to use; null means <see cref="Environment.ProcessorCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A node id is outside <c>[0, n)</c> (the message names the edge
    /// index), or <paramref name="nodeCount"/> or <paramref name="degreeOfParallelism"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static CsrGraph Build(int nodeCount, int[] sources, int[] targets, float[]? weights = null, int? degreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentOutOfRangeException.ThrowIfEqual(nodeCount, int.MaxValue);
        if (degreeOfParallelism is { } dop)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(dop, 1, nameof(degreeOfParallelism));
        }

        if (targets.Length != sources.Length)
        {
            throw new ArgumentException($"targets has {targets.Length} entries but sources has {sources.Length}.", nameof(targets));
        }

        if (weights is not null && weights.Length != sources.Length)
        {
            throw new ArgumentException($"weights has {weights.Length} entries but sources has {sources.Length}.", nameof(weights));
        }

        var m = sources.Length;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism ?? Environment.ProcessorCount };
        var chunkCount = ChunkCount(nodeCount, m);
        var chunkSize = m == 0 ? 1 : (int)(((long)m + chunkCount - 1) / chunkCount);

        Validate(nodeCount, sources, nameof(sources), chunkCount, chunkSize, parallel);
        Validate(nodeCount, targets, nameof(targets), chunkCount, chunkSize, parallel);

        var histograms = new int[chunkCount * nodeCount];
        var (outOffsets, outTargets, outWeights) = Sort(nodeCount, sources, targets, weights, histograms, chunkCount, chunkSize, parallel);
        Array.Clear(histograms);

        // The reverse CSR is sorted from the forward CSR's edge order (sources ascending), not from the input order,
        // so every in-neighbour list comes out sorted by source: pull kernels then gather in address order.
        var outSources = new int[m];
        Parallel.For(0, chunkCount, parallel, c =>
        {
            var first = Math.Min(nodeCount, c * (nodeCount / chunkCount + 1));
            var last = Math.Min(nodeCount, first + (nodeCount / chunkCount + 1));
            for (var u = first; u < last; u++)
            {
                Array.Fill(outSources, u, outOffsets[u], outOffsets[u + 1] - outOffsets[u]);
            }
        });
        var (inOffsets, inSources, inWeights) = Sort(nodeCount, outTargets, outSources, outWeights, histograms, chunkCount, chunkSize, parallel);
        return new CsrGraph(outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights);
    }

    private static int ChunkCount(int n, int m)
    {
        var byEdges = Math.Max(1, m / MinEdgesPerChunk);
        var byMemory = Math.Max(1, m / (n + 1));
        return Math.Min(MaxChunks, Math.Min(byEdges, byMemory));
    }

    private static void Validate(int n, int[] ids, string name, int chunkCount, int chunkSize, ParallelOptions parallel)
    {
        // Each chunk records its first bad index; the smallest one over all chunks is reported, whatever the threads.
        var firstBad = new int[chunkCount];
        Parallel.For(0, chunkCount, parallel, c =>
        {
            var start = c * chunkSize;
            var end = Math.Min(ids.Length, start + chunkSize);
            firstBad[c] = -1;
            for (var i = start; i < end; i++)
            {
                if ((uint)ids[i] >= (uint)n)
                {
                    firstBad[c] = i;
                    return;
                }
            }
        });
        for (var c = 0; c < chunkCount; c++)
        {
            if (firstBad[c] >= 0)
            {
                ThrowBadId(name, firstBad[c], ids[firstBad[c]], n);
            }
        }
    }

    private static (int[] Offsets, int[] Neighbors, float[]? Weights) Sort(
        int n, int[] keys, int[] values, float[]? weights, int[] histograms, int chunkCount, int chunkSize, ParallelOptions parallel)
    {
        var m = keys.Length;

        // 1. Per-chunk histograms of the key.
        Parallel.For(0, chunkCount, parallel, c =>
        {
            var start = c * chunkSize;
            var end = Math.Min(m, start + chunkSize);
            var h = histograms.AsSpan(c * n, n);
            for (var i = start; i < end; i++)
            {
                h[keys[i]]++;
            }
        });

        // 2. Degrees, then offsets by an exclusive prefix sum (sequential: O(n), small next to the scatter).
        var offsets = new int[n + 1];
        var nodeBlocks = Math.Max(1, Math.Min(256, n / 4096));
        var nodeBlockSize = n == 0 ? 1 : (n + nodeBlocks - 1) / nodeBlocks;
        Parallel.For(0, nodeBlocks, parallel, b =>
        {
            var end = Math.Min(n, (b + 1) * nodeBlockSize);
            for (var v = b * nodeBlockSize; v < end; v++)
            {
                var degree = 0;
                for (var c = 0; c < chunkCount; c++)
                {
                    degree += histograms[(c * n) + v];
                }

                offsets[v + 1] = degree;
            }
        });
        for (var v = 0; v < n; v++)
        {
            offsets[v + 1] += offsets[v];
        }

        // 3. Per node, chunk-local write cursors in chunk order (this is what makes the sort stable).
        Parallel.For(0, nodeBlocks, parallel, b =>
        {
            var end = Math.Min(n, (b + 1) * nodeBlockSize);
            for (var v = b * nodeBlockSize; v < end; v++)
            {
                var cursor = offsets[v];
                for (var c = 0; c < chunkCount; c++)
                {
                    var count = histograms[(c * n) + v];
                    histograms[(c * n) + v] = cursor;
                    cursor += count;
                }
            }
        });

        // 4. Scatter each chunk's edges in input order.
        var neighbors = new int[m];
        var sortedWeights = weights is null ? null : new float[m];
        Parallel.For(0, chunkCount, parallel, c =>
        {
            var start = c * chunkSize;
            var end = Math.Min(m, start + chunkSize);
            var cursors = histograms.AsSpan(c * n, n);
            for (var i = start; i < end; i++)
            {
                var position = cursors[keys[i]]++;
                neighbors[position] = values[i];
                if (sortedWeights is not null)
                {
                    sortedWeights[position] = weights![i];
                }
            }
        });
        return (offsets, neighbors, sortedWeights);
    }

    [DoesNotReturn]
    private static void ThrowBadId(string name, int index, int id, int n) =>
        throw new ArgumentOutOfRangeException(name, id, $"{name}[{index}] is {id}, which is outside the node range [0, {n}).");
}
