using System.Diagnostics.CodeAnalysis;

namespace Resonance.Engine.Graphs;

/// <summary>An immutable directed multigraph over dense node ids <c>0..n-1</c>, stored as forward and reverse CSR.</summary>
/// <remarks>
/// Layout: the forward (out-edge) CSR holds <c>n+1</c> offsets and <c>m</c> targets; the reverse (in-edge) CSR holds
/// <c>n+1</c> offsets and <c>m</c> sources, so pull-style kernels can read a node's in-neighbours contiguously (as
/// GAPBS <c>graph.h</c> does with <c>MakeInverse</c>). Optional per-edge weights are stored once per direction and are
/// aligned with the neighbour arrays: <c>OutWeights(v)[i]</c> is the weight of the edge to <c>OutNeighbors(v)[i]</c>.
/// Offsets are <see cref="int"/>, which caps a graph at <see cref="int.MaxValue"/> edges (docs/adr/0001-csr-offsets.md).
/// Self-loops and parallel edges are kept. Within a node, neighbours appear in the order their edges were given to
/// <see cref="CsrGraphBuilder"/>.
/// Complexity: O(1) for every accessor; memory is 8(n+1) + 8m bytes, plus 8m bytes when weighted.
/// </remarks>
public sealed class CsrGraph
{
    private readonly int[] _outOffsets;
    private readonly int[] _outTargets;
    private readonly float[]? _outWeights;
    private readonly int[] _inOffsets;
    private readonly int[] _inSources;
    private readonly float[]? _inWeights;

    internal CsrGraph(int[] outOffsets, int[] outTargets, float[]? outWeights, int[] inOffsets, int[] inSources, float[]? inWeights)
    {
        _outOffsets = outOffsets;
        _outTargets = outTargets;
        _outWeights = outWeights;
        _inOffsets = inOffsets;
        _inSources = inSources;
        _inWeights = inWeights;
    }

    /// <summary>Gets the number of nodes, n. Node ids are <c>0..n-1</c>.</summary>
    public int NodeCount => _outOffsets.Length - 1;

    /// <summary>Gets the number of directed edges, m, counting self-loops and parallel edges.</summary>
    public int EdgeCount => _outTargets.Length;

    /// <summary>Gets a value indicating whether the graph carries a weight per edge.</summary>
    [MemberNotNullWhen(true, nameof(_outWeights), nameof(_inWeights))]
    public bool IsWeighted => _outWeights is not null;

    /// <summary>Gets the bytes held by the graph's arrays (offsets, neighbours and weights, both directions).</summary>
    public long MemoryBytes =>
        (sizeof(int) * ((long)_outOffsets.Length + _inOffsets.Length + _outTargets.Length + _inSources.Length))
        + (sizeof(float) * ((long)(_outWeights?.Length ?? 0) + (_inWeights?.Length ?? 0)));

    /// <summary>Returns the targets of <paramref name="v"/>'s out-edges, in input order.</summary>
    public ReadOnlySpan<int> OutNeighbors(int v) => Slice(_outTargets, _outOffsets, v);

    /// <summary>Returns the sources of <paramref name="v"/>'s in-edges, in input order.</summary>
    public ReadOnlySpan<int> InNeighbors(int v) => Slice(_inSources, _inOffsets, v);

    /// <summary>Returns the weights of <paramref name="v"/>'s out-edges, aligned with <see cref="OutNeighbors"/>.</summary>
    /// <exception cref="InvalidOperationException">The graph is unweighted.</exception>
    public ReadOnlySpan<float> OutWeights(int v) => Slice(_outWeights ?? ThrowUnweighted(), _outOffsets, v);

    /// <summary>Returns the weights of <paramref name="v"/>'s in-edges, aligned with <see cref="InNeighbors"/>.</summary>
    /// <exception cref="InvalidOperationException">The graph is unweighted.</exception>
    public ReadOnlySpan<float> InWeights(int v) => Slice(_inWeights ?? ThrowUnweighted(), _inOffsets, v);

    /// <summary>Returns the number of out-edges of <paramref name="v"/> (self-loops and parallel edges included).</summary>
    public int OutDegree(int v) => _outOffsets[v + 1] - _outOffsets[v];

    /// <summary>Returns the number of in-edges of <paramref name="v"/> (self-loops and parallel edges included).</summary>
    public int InDegree(int v) => _inOffsets[v + 1] - _inOffsets[v];

    /// <summary>The in-edge offsets (length n+1), for kernels that balance work by edge count.</summary>
    internal ReadOnlySpan<int> InOffsets => _inOffsets;

    private static ReadOnlySpan<T> Slice<T>(T[] items, int[] offsets, int v)
    {
        if ((uint)v >= (uint)(offsets.Length - 1))
        {
            ThrowNode(v, offsets.Length - 1);
        }

        var start = offsets[v];
        return new ReadOnlySpan<T>(items, start, offsets[v + 1] - start);
    }

    [DoesNotReturn]
    private static void ThrowNode(int v, int n) =>
        throw new ArgumentOutOfRangeException(nameof(v), v, $"Node id {v} is outside the graph's range [0, {n}).");

    [DoesNotReturn]
    private static float[] ThrowUnweighted() =>
        throw new InvalidOperationException("The graph is unweighted; build it with weights to read edge weights.");
}
