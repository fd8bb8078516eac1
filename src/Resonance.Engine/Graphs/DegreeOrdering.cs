namespace Resonance.Engine.Graphs;

/// <summary>Relabels a graph so that node ids run by descending out-degree, for cache locality in pull kernels.</summary>
/// <remarks>
/// <para>Method: a counting sort on out-degree gives the permutation: new id i is the node with the i-th largest
/// out-degree, ties broken by ascending original id. The relabelled graph is then written directly in CSR form (no
/// edge-list round trip): new node i gets old node <c>NewToOld[i]</c>'s out- and in-edges, each neighbour id mapped
/// through <c>OldToNew</c>, in the same order as in the original graph, with the same weights.</para>
/// <para>Why: a pull kernel such as <see cref="Centrality.PageRank"/> reads a source's value once per out-edge of that
/// source, so the values read most often belong to high out-degree nodes. Putting those nodes at the front packs the
/// hot values into few cache lines and pages instead of scattering them over the whole vector ("degree sort" /
/// "hub sort" in [1], [2]). Whether that pays for the O(n + m) relabelling depends on the graph and the number of
/// iterations; see <c>PageRankOptions.Relabel</c> for the measured outcome.</para>
/// <para>Complexity: O(n + m + Δ) time, where Δ is the largest out-degree; O(n + m + Δ) extra memory (the two
/// permutation arrays, the counting-sort buckets and the relabelled graph, which is as large as the original).</para>
/// <para>Determinism: the permutation is a pure function of the out-degrees (the tie-break is by id), and each
/// relabelled node's edges are written only by the task that owns it, so the output is identical for every
/// degree of parallelism.</para>
/// <para>References:
/// [1] Balaji, Lucia (2018). When is Graph Reordering an Optimization? Studying the Effect of Lightweight Graph
/// Reordering Across Applications and Input Graphs. IISWC 2018. doi:10.1109/IISWC.2018.8573478
/// [2] Faldu, Diamond, Grot (2019). A Closer Look at Lightweight Graph Reordering. IISWC 2019.</para>
/// </remarks>
/// <seealso cref="CsrGraph"/>
public sealed class DegreeOrdering
{
    private const int MaxBlocks = 256;
    private const int MinNodesPerBlock = 4096;

    private DegreeOrdering(CsrGraph graph, int[] newToOld, int[] oldToNew)
    {
        Graph = graph;
        NewToOld = newToOld;
        OldToNew = oldToNew;
    }

    /// <summary>Gets the relabelled graph: its node i is the original node <c>NewToOld[i]</c>.</summary>
    public CsrGraph Graph { get; }

    /// <summary>Gets the original id of each relabelled node (a permutation of <c>0..n-1</c>).</summary>
    public int[] NewToOld { get; }

    /// <summary>Gets the relabelled id of each original node (the inverse of <see cref="NewToOld"/>).</summary>
    public int[] OldToNew { get; }

    /// <summary>Relabels <paramref name="g"/> by descending out-degree, ties by ascending id.</summary>
    /// <param name="g">The graph.</param>
    /// <param name="degreeOfParallelism">Threads to use; null means <see cref="Environment.ProcessorCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreeOfParallelism"/> is less than 1.</exception>
    public static DegreeOrdering Compute(CsrGraph g, int? degreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(g);
        if (degreeOfParallelism is { } dop)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(dop, 1, nameof(degreeOfParallelism));
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism ?? Environment.ProcessorCount };
        var n = g.NodeCount;
        var (newToOld, oldToNew) = Permutation(g);
        var blocks = Math.Max(1, Math.Min(MaxBlocks, n / MinNodesPerBlock));
        var blockSize = n == 0 ? 1 : (n + blocks - 1) / blocks;

        var outOffsets = Offsets(g, newToOld, inEdges: false);
        var inOffsets = Offsets(g, newToOld, inEdges: true);
        var outTargets = new int[g.EdgeCount];
        var inSources = new int[g.EdgeCount];
        var outWeights = g.IsWeighted ? new float[g.EdgeCount] : null;
        var inWeights = g.IsWeighted ? new float[g.EdgeCount] : null;
        Parallel.For(0, blocks, parallel, b =>
        {
            var end = Math.Min(n, (b + 1) * blockSize);
            for (var v = b * blockSize; v < end; v++)
            {
                var old = newToOld[v];
                Map(g.OutNeighbors(old), oldToNew, outTargets.AsSpan(outOffsets[v], outOffsets[v + 1] - outOffsets[v]));
                Map(g.InNeighbors(old), oldToNew, inSources.AsSpan(inOffsets[v], inOffsets[v + 1] - inOffsets[v]));
                if (outWeights is not null && inWeights is not null)
                {
                    g.OutWeights(old).CopyTo(outWeights.AsSpan(outOffsets[v]));
                    g.InWeights(old).CopyTo(inWeights.AsSpan(inOffsets[v]));
                }
            }
        });
        return new DegreeOrdering(new CsrGraph(outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights), newToOld, oldToNew);
    }

    /// <summary>Returns the permutation (new → old and old → new) by a counting sort on descending out-degree.</summary>
    private static (int[] NewToOld, int[] OldToNew) Permutation(CsrGraph g)
    {
        // Sequential: O(n + Δ) with one pass over the degrees, small next to the O(m) edge relabelling.
        var n = g.NodeCount;
        var maxDegree = 0;
        for (var v = 0; v < n; v++)
        {
            maxDegree = Math.Max(maxDegree, g.OutDegree(v));
        }

        // Bucket k holds degree maxDegree − k, so ascending buckets mean descending degree.
        var cursors = new int[maxDegree + 2];
        for (var v = 0; v < n; v++)
        {
            cursors[maxDegree - g.OutDegree(v) + 1]++;
        }

        for (var k = 1; k < cursors.Length; k++)
        {
            cursors[k] += cursors[k - 1];
        }

        // Scanning v in ascending order makes the sort stable: ties keep ascending original id.
        var newToOld = new int[n];
        var oldToNew = new int[n];
        for (var v = 0; v < n; v++)
        {
            var position = cursors[maxDegree - g.OutDegree(v)]++;
            newToOld[position] = v;
            oldToNew[v] = position;
        }

        return (newToOld, oldToNew);
    }

    private static int[] Offsets(CsrGraph g, int[] newToOld, bool inEdges)
    {
        var offsets = new int[newToOld.Length + 1];
        for (var v = 0; v < newToOld.Length; v++)
        {
            var old = newToOld[v];
            offsets[v + 1] = offsets[v] + (inEdges ? g.InDegree(old) : g.OutDegree(old));
        }

        return offsets;
    }

    private static void Map(ReadOnlySpan<int> neighbors, int[] oldToNew, Span<int> destination)
    {
        for (var i = 0; i < neighbors.Length; i++)
        {
            destination[i] = oldToNew[neighbors[i]];
        }
    }
}
