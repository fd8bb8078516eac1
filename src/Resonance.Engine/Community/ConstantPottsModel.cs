namespace Resonance.Engine.Community;

/// <summary>Computes the Constant Potts Model quality of a partition of an undirected weighted graph.</summary>
/// <remarks>
/// <para>Method: <c>H = Σ_c [ L_c − γ·n_c(n_c − 1)/2 ]</c>, where L_c is the weight of the edges inside community c
/// (self-loops included, once) and n_c its number of nodes: a community is worth keeping when its internal density
/// exceeds γ. This is the form of Traag, Van Dooren and Nesterov [1] and of leidenalg's
/// <c>CPMVertexPartition.quality()</c>. Unlike modularity it has no null model, so it does not suffer from the
/// resolution limit, and γ is in edge-weight units (a density).</para>
/// <para>Complexity: O(n + m) time, O(n) extra memory.</para>
/// <para>Determinism: sums run in node order, so the value is bit-identical for a given graph and membership.</para>
/// <para>References:
/// [1] Traag, Van Dooren, Nesterov (2011). Narrow scope for resolution-limit-free community detection. Phys. Rev. E 84,
///     016114. doi:10.1103/PhysRevE.84.016114</para>
/// </remarks>
/// <seealso cref="Leiden"/>
/// <seealso cref="Modularity"/>
public static class ConstantPottsModel
{
    /// <summary>Returns the CPM quality of <paramref name="membership"/> on <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="membership">The community label of each node; any integers.</param>
    /// <param name="resolution">The resolution γ (a density threshold); must be finite and non-negative.</param>
    /// <returns>H in edge-weight units (0 for an empty graph).</returns>
    /// <exception cref="ArgumentException">The membership length is not n.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is negative or not finite.</exception>
    public static double Compute(UndirectedGraph graph, ReadOnlySpan<int> membership, double resolution)
    {
        ArgumentNullException.ThrowIfNull(graph);
        PartitionLabels.RequireLength(membership, graph.NodeCount, nameof(membership));
        Modularity.RequireResolution(resolution);
        var ones = new double[graph.NodeCount];
        Array.Fill(ones, 1.0);
        var (internalWeight, sizes) = Modularity.Sums(graph, membership, ones);
        var h = 0.0;
        for (var c = 0; c < sizes.Length; c++)
        {
            h += internalWeight[c] - (resolution * sizes[c] * (sizes[c] - 1) / 2);
        }

        return h;
    }
}
