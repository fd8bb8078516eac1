namespace Resonance.Engine.Community;

/// <summary>Computes the two-level map equation: the description length, in bits per step, of a random walk on an
/// undirected weighted graph coded with one codebook per community and an index codebook (Rosvall and Bergstrom 2008).</summary>
/// <remarks>
/// <para>Flow: the walk's stationary visit rate of node α is <c>p_α = k_α / 2m</c> (its strength over twice the total
/// weight, as in <see cref="UndirectedGraph"/>: a self-loop counts twice in k_α, so it adds to the node's visits but
/// never to a module's exit). The exit rate of module i is <c>q_i = cut_i / 2m</c>, where cut_i is the weight of the
/// edges with exactly one end in i (for an undirected walk the rate of leaving equals the rate of entering).</para>
/// <para>Method [1, eq. 4]: <c>L(M) = q·H(Q) + Σ_i p_i↻·H(P_i)</c> with q = Σ q_i and p_i↻ = q_i + Σ_{α∈i} p_α, which
/// expands, with plogp(x) = x·log₂ x, to
/// <c>L = plogp(q) − 2·Σ_i plogp(q_i) − Σ_α plogp(p_α) + Σ_i plogp(q_i + p_i)</c>.
/// The one-module partition of a connected graph has q = 0 and codes every step with the node entropy
/// <c>H(p) = −Σ_α plogp(p_α)</c> (<see cref="OneLevelCodelength"/>); a partition into modules is worth having when its
/// L is lower.</para>
/// <para>Complexity: O(n + m) time, O(n) extra memory.</para>
/// <para>Determinism: sums run in node order, then community order, so the value is bit-identical for a given graph and
/// membership (up to the last bit of <see cref="Math.Log2(double)"/>, which may differ between CPUs or runtimes).</para>
/// <para>References:
/// [1] Rosvall, Bergstrom (2008). Maps of random walks on complex networks reveal community structure. PNAS 105(4):
///     1118–1123. doi:10.1073/pnas.0706851105</para>
/// </remarks>
/// <seealso cref="Infomap"/>
public static class MapEquation
{
    /// <summary>Returns the two-level codelength of <paramref name="membership"/> on <paramref name="graph"/>, in bits.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="membership">The community label of each node; any integers (equal labels mean the same community).</param>
    /// <returns>L(M), or 0 when the graph has no edge weight (there is no walk to describe).</returns>
    /// <exception cref="ArgumentException">The membership length is not n.</exception>
    public static double Codelength(UndirectedGraph graph, ReadOnlySpan<int> membership)
    {
        ArgumentNullException.ThrowIfNull(graph);
        PartitionLabels.RequireLength(membership, graph.NodeCount, nameof(membership));
        var twoM = 2 * graph.TotalWeight;
        if (!(twoM > 0))
        {
            return 0;
        }

        // Internal weight L_c counts each internal edge once; cut_c = K_c − 2·L_c (loops are internal).
        var (internalWeight, totals) = Modularity.Sums(graph, membership, graph.StrengthArray);
        var exits = new double[totals.Length];
        for (var c = 0; c < totals.Length; c++)
        {
            exits[c] = Math.Max(0, totals[c] - (2 * internalWeight[c])) / twoM;
        }

        var flows = new double[totals.Length];
        for (var c = 0; c < totals.Length; c++)
        {
            flows[c] = totals[c] / twoM;
        }

        return Combine(exits, flows, NodeEntropyTerm(graph));
    }

    /// <summary>Returns the codelength of the one-module partition of a connected graph: the entropy of the node visit
    /// rates, <c>H(p) = −Σ_α plogp(p_α)</c>, in bits (0 when the graph has no edge weight).</summary>
    /// <param name="graph">The graph.</param>
    public static double OneLevelCodelength(UndirectedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.TotalWeight > 0 ? -NodeEntropyTerm(graph) : 0;
    }

    /// <summary>Returns <c>x·log₂ x</c>, with 0 for x ≤ 0 (its limit at 0; tiny negative values are rounding residue).</summary>
    internal static double Plogp(double x) => x > 0 ? x * Math.Log2(x) : 0;

    /// <summary>Combines per-module exit and total flow with the node term <c>Σ_α plogp(p_α)</c> into L.</summary>
    internal static double Combine(ReadOnlySpan<double> exits, ReadOnlySpan<double> flows, double nodeTerm)
    {
        double exitSum = 0, exitTerm = 0, moduleTerm = 0;
        for (var c = 0; c < exits.Length; c++)
        {
            exitSum += exits[c];
            exitTerm += Plogp(exits[c]);
            moduleTerm += Plogp(exits[c] + flows[c]);
        }

        return Plogp(exitSum) - (2 * exitTerm) - nodeTerm + moduleTerm;
    }

    /// <summary>Returns <c>Σ_α plogp(k_α / 2m)</c> over the nodes, in node order.</summary>
    internal static double NodeEntropyTerm(UndirectedGraph graph)
    {
        var twoM = 2 * graph.TotalWeight;
        var strengths = graph.StrengthArray;
        var sum = 0.0;
        for (var v = 0; v < strengths.Length; v++)
        {
            sum += Plogp(strengths[v] / twoM);
        }

        return sum;
    }
}
