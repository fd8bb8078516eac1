using System.Diagnostics.CodeAnalysis;
using Resonance.Engine.Graphs;

namespace Resonance.Engine.Community;

/// <summary>An immutable undirected weighted graph over dense node ids <c>0..n-1</c>, stored as a symmetric CSR with
/// self-loops kept apart; the input of community detection.</summary>
/// <remarks>
/// <para>Layout: every edge {u, v} with u ≠ v appears twice, as v in u's list and as u in v's list, with the same
/// weight; each list is sorted by neighbour id and holds each neighbour once (parallel edges are summed when the graph
/// is built). A self-loop's weight is stored per node in <see cref="SelfLoopWeight"/>, not in the lists.</para>
/// <para>Weights and self-loops follow the convention of networkx and igraph modularity: the strength (weighted degree)
/// of u is <c>k_u = Σ_v w(u,v) + 2·loop(u)</c>, so a self-loop counts twice in the strength, and the total weight is
/// <c>m = Σ_u k_u / 2</c>, counting every edge, loops included, once.</para>
/// <para>From a directed graph (<see cref="FromDirected"/>), each directed edge becomes one undirected edge, so the
/// weight of {u, v} is <c>w(u→v) + w(v→u)</c>, with weight 1 per direction when the graph is unweighted: a
/// reciprocated pair has weight 2 and a one-way pair weight 1; a directed self-loop u→u of weight w becomes a
/// self-loop of weight w (strength 2w). This is igraph's <c>as_undirected(mode="each")</c> with its parallel edges
/// merged into summed weights, so modularity agrees with igraph's on that graph (a test checks it on email-Eu-core).</para>
/// <para>Complexity: building takes O(n + m) time with two stable counting sorts (so lists come out sorted without a
/// comparison sort) and O(n + m) extra memory; every accessor is O(1). Memory: 4(n+1) + 12·2m' bytes for m' distinct
/// non-loop pairs, plus 16n for loop weights and strengths.</para>
/// <para>Determinism: parallel edges are summed in input order, so the weights are identical on every run.</para>
/// </remarks>
/// <seealso cref="Leiden"/>
/// <seealso cref="Modularity"/>
public sealed class UndirectedGraph
{
    private readonly int[] _offsets;
    private readonly int[] _neighbors;
    private readonly double[] _weights;
    private readonly double[] _selfLoops;
    private readonly double[] _strengths;

    internal UndirectedGraph(int[] offsets, int[] neighbors, double[] weights, double[] selfLoops)
    {
        _offsets = offsets;
        _neighbors = neighbors;
        _weights = weights;
        _selfLoops = selfLoops;
        _strengths = new double[selfLoops.Length];
        var total = 0.0;
        var loops = 0;
        for (var v = 0; v < _strengths.Length; v++)
        {
            loops += selfLoops[v] != 0 ? 1 : 0;
            var k = 2 * selfLoops[v];
            for (var i = offsets[v]; i < offsets[v + 1]; i++)
            {
                k += weights[i];
            }

            _strengths[v] = k;
            total += k;
        }

        TotalWeight = total / 2;
        EdgeCount = (offsets[^1] / 2) + loops;
    }

    /// <summary>Gets the number of nodes, n.</summary>
    public int NodeCount => _selfLoops.Length;

    /// <summary>Gets the number of distinct undirected edges: neighbour pairs u ≠ v plus nodes carrying a self-loop.</summary>
    public int EdgeCount { get; }

    /// <summary>Gets the total edge weight m: every edge once, self-loops included once (so Σ strengths = 2m).</summary>
    public double TotalWeight { get; }

    /// <summary>Returns the neighbours of <paramref name="v"/> other than itself, ascending, each once.</summary>
    public ReadOnlySpan<int> Neighbors(int v) => Slice(_neighbors, v);

    /// <summary>Returns the edge weights aligned with <see cref="Neighbors"/>.</summary>
    public ReadOnlySpan<double> Weights(int v) => Slice(_weights, v);

    /// <summary>Returns the total weight of <paramref name="v"/>'s self-loops (0 when it has none).</summary>
    public double SelfLoopWeight(int v) => _selfLoops[CheckNode(v)];

    /// <summary>Returns the strength of <paramref name="v"/>: its edge weights plus twice its self-loop weight.</summary>
    public double Strength(int v) => _strengths[CheckNode(v)];

    /// <summary>The CSR offsets (length n+1) for kernels.</summary>
    internal int[] Offsets => _offsets;

    /// <summary>The CSR neighbour array (length 2m') for kernels.</summary>
    internal int[] NeighborArray => _neighbors;

    /// <summary>The CSR weight array aligned with <see cref="NeighborArray"/>.</summary>
    internal double[] WeightArray => _weights;

    /// <summary>The strengths (length n) for kernels.</summary>
    internal double[] StrengthArray => _strengths;

    /// <summary>Symmetrises a directed graph: {u, v} gets weight w(u→v) + w(v→u) (1 per direction when unweighted).</summary>
    /// <param name="graph">The directed graph; its weights, if any, must be finite and non-negative.</param>
    /// <returns>The undirected graph on the same node ids.</returns>
    /// <exception cref="ArgumentException">A weight is negative or not finite.</exception>
    public static UndirectedGraph FromDirected(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var m = graph.EdgeCount;
        var a = new int[m];
        var b = new int[m];
        var w = graph.IsWeighted ? new double[m] : [];
        var e = 0;
        for (var u = 0; u < graph.NodeCount; u++)
        {
            var targets = graph.OutNeighbors(u);
            var weights = graph.IsWeighted ? graph.OutWeights(u) : default;
            for (var i = 0; i < targets.Length; i++, e++)
            {
                a[e] = u;
                b[e] = targets[i];
                if (w.Length != 0)
                {
                    w[e] = weights[i];
                }
            }
        }

        return UndirectedGraphBuilder.Build(graph.NodeCount, a, b, w);
    }

    /// <summary>Builds a graph from undirected edges <c>{a[i], b[i]}</c>; repeated pairs (in either order) are summed
    /// into one edge, and <c>a[i] == b[i]</c> adds a self-loop of that weight.</summary>
    /// <param name="nodeCount">The number of nodes, n; ids must lie in <c>[0, n)</c>.</param>
    /// <param name="a">One end of each edge.</param>
    /// <param name="b">The other end; same length as <paramref name="a"/>.</param>
    /// <param name="weights">The weight of each edge (finite, non-negative), or empty for weight 1 each.</param>
    /// <exception cref="ArgumentOutOfRangeException">A node id is outside <c>[0, n)</c>, or n is negative.</exception>
    /// <exception cref="ArgumentException">The spans differ in length, or a weight is negative or not finite.</exception>
    public static UndirectedGraph FromEdges(int nodeCount, ReadOnlySpan<int> a, ReadOnlySpan<int> b, ReadOnlySpan<double> weights = default) =>
        UndirectedGraphBuilder.Build(nodeCount, a, b, weights);

    private ReadOnlySpan<T> Slice<T>(T[] items, int v)
    {
        var start = _offsets[CheckNode(v)];
        return new ReadOnlySpan<T>(items, start, _offsets[v + 1] - start);
    }

    private int CheckNode(int v)
    {
        if ((uint)v >= (uint)_selfLoops.Length)
        {
            ThrowNode(v, _selfLoops.Length);
        }

        return v;
    }

    [DoesNotReturn]
    private static void ThrowNode(int v, int n) =>
        throw new ArgumentOutOfRangeException(nameof(v), v, $"Node id {v} is outside the graph's range [0, {n}).");
}
