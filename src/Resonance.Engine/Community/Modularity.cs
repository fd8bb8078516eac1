namespace Resonance.Engine.Community;

/// <summary>Computes the modularity of a partition of an undirected weighted graph (Newman–Girvan, with a resolution γ).</summary>
/// <remarks>
/// <para>Method: <c>Q = Σ_c [ L_c / m − γ·(K_c / 2m)² ]</c>, where m is the total edge weight, L_c the weight of the edges
/// with both ends in community c (self-loops included, once) and K_c the total strength of c's nodes (a self-loop counts
/// twice in a strength). Equivalently <c>Q = (1/2m) Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j)</c> with <c>A_ii</c> twice
/// the loop weight. This is the convention of networkx's <c>community.modularity</c> and igraph's
/// <c>Graph.modularity</c>, so values agree with theirs on the same graph (see <see cref="UndirectedGraph"/> for how a
/// directed graph is symmetrised).</para>
/// <para>Complexity: O(n + m) time, O(n) extra memory.</para>
/// <para>Determinism: each node's internal weight is summed over its own list, and the community sums run in node order,
/// so the value is bit-identical for a given graph and membership on any number of threads (large graphs sum the nodes'
/// lists in parallel chunks).</para>
/// <para>References:
/// [1] Newman, Girvan (2004). Finding and evaluating community structure in networks. Phys. Rev. E 69, 026113.
///     doi:10.1103/PhysRevE.69.026113
/// [2] Reichardt, Bornholdt (2006). Statistical mechanics of community detection. Phys. Rev. E 74, 016110 (resolution γ).
///     doi:10.1103/PhysRevE.74.016110</para>
/// </remarks>
/// <seealso cref="Leiden"/>
/// <seealso cref="ConstantPottsModel"/>
public static class Modularity
{
    /// <summary>From this many CSR entries on, the per-node sums run in parallel chunks (same bits, see <see cref="Inside"/>).</summary>
    private const int ParallelEdges = 200_000;

    /// <summary>Returns the modularity of <paramref name="membership"/> on <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="membership">The community label of each node; any integers (equal labels mean the same community).</param>
    /// <param name="resolution">The resolution γ (1 is classic modularity); must be finite and non-negative.</param>
    /// <returns>Q, or <see cref="double.NaN"/> when the graph has no edge weight (m = 0), as igraph returns.</returns>
    /// <exception cref="ArgumentException">The membership length is not n.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is negative or not finite.</exception>
    public static double Compute(UndirectedGraph graph, ReadOnlySpan<int> membership, double resolution = 1.0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        PartitionLabels.RequireLength(membership, graph.NodeCount, nameof(membership));
        RequireResolution(resolution);
        var m = graph.TotalWeight;
        if (!(m > 0))
        {
            return double.NaN;
        }

        var (internalWeight, totals) = Sums(graph, membership, graph.StrengthArray);
        var twoM = 2 * m;
        var q = 0.0;
        for (var c = 0; c < totals.Length; c++)
        {
            var share = totals[c] / twoM;
            q += (internalWeight[c] / m) - (resolution * share * share);
        }

        return q;
    }

    /// <summary>Returns, per community, the internal edge weight L_c and the total node weight (here strength) K_c.</summary>
    internal static (double[] Internal, double[] Totals) Sums(UndirectedGraph graph, ReadOnlySpan<int> membership, double[] nodeWeights)
    {
        var dense = PartitionLabels.Compact(membership, out var k);
        var internalWeight = new double[k];
        var totals = new double[k];
        var inside = Inside(graph, dense);
        for (var v = 0; v < dense.Length; v++)
        {
            var c = dense[v];
            totals[c] += nodeWeights[v];
            // Each internal pair is seen from both ends, so it contributes half from each; the loop counts once.
            internalWeight[c] += (inside[v] / 2) + graph.SelfLoopWeight(v);
        }

        return (internalWeight, totals);
    }

    /// <summary>Each node's edge weight to the other nodes of its community, summed in its list's order.</summary>
    /// <remarks>On large graphs the nodes are split into chunks summed in parallel: every node's sum is still one
    /// sequential pass over its own list, so the values, and the community sums made from them in node order, are the same
    /// bits on any number of threads.</remarks>
    private static double[] Inside(UndirectedGraph graph, int[] dense)
    {
        var n = dense.Length;
        var inside = new double[n];
        var offsets = graph.Offsets;
        var neighbors = graph.NeighborArray;
        var weights = graph.WeightArray;
        void Sum(int from, int to)
        {
            for (var v = from; v < to; v++)
            {
                var c = dense[v];
                var sum = 0.0;
                for (var i = offsets[v]; i < offsets[v + 1]; i++)
                {
                    if (dense[neighbors[i]] == c)
                    {
                        sum += weights[i];
                    }
                }

                inside[v] = sum;
            }
        }

        if (offsets[n] < ParallelEdges)
        {
            Sum(0, n);
        }
        else
        {
            const int Chunk = 4096;
            Parallel.For(0, (n + Chunk - 1) / Chunk, chunk => Sum(chunk * Chunk, Math.Min(n, (chunk + 1) * Chunk)));
        }

        return inside;
    }

    internal static void RequireResolution(double resolution)
    {
        if (!(resolution >= 0) || double.IsInfinity(resolution))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"The resolution must be finite and non-negative, but it is {resolution}.");
        }
    }
}
