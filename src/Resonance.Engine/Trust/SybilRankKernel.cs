using Resonance.Engine.Graphs;

namespace Resonance.Engine.Trust;

/// <summary>The per-iteration state and chunk kernel of <see cref="SybilRank"/>: buffers allocated once, then swapped.</summary>
/// <remarks>
/// Each chunk pulls its nodes' new trust from the shares <c>t[u]/d(u)</c> of the previous iteration and stores their
/// shares for the next one. Nodes are independent, so chunks can run in any order on any thread.
/// </remarks>
internal sealed class SybilRankKernel
{
    private readonly CsrGraph _graph;
    private readonly bool _weighted;
    private readonly bool _forward;
    private readonly double[] _spread;
    private readonly int[] _bounds;
    private readonly Action<int> _step;
    private double[] _trust;
    private double[] _next;
    private double[] _share;
    private double[] _nextShare;

    /// <param name="graph">The graph.</param>
    /// <param name="weighted">Whether to multiply shares by edge weights.</param>
    /// <param name="forward">Whether trust crosses edges only forwards (see <see cref="TrustDirection.Forward"/>).</param>
    /// <param name="spread">The degree each node splits its trust over (out-weight when forward); 0 sends nothing.</param>
    /// <param name="initial">The initial trust; taken over by the kernel.</param>
    public SybilRankKernel(CsrGraph graph, bool weighted, bool forward, double[] spread, double[] initial)
    {
        var n = graph.NodeCount;
        _graph = graph;
        _weighted = weighted;
        _forward = forward;
        _spread = spread;
        _bounds = SybilRank.ChunkBounds(graph, SybilRank.ChunkCount);
        _step = Step;
        _trust = initial;
        _next = new double[n];
        _share = new double[n];
        _nextShare = new double[n];
        for (var v = 0; v < n; v++)
        {
            _share[v] = spread[v] > 0 ? initial[v] / spread[v] : 0;
        }
    }

    /// <summary>Gets the current trust vector (after the last completed iteration).</summary>
    public double[] Trust => _trust;

    /// <summary>Runs one synchronous iteration.</summary>
    public void Iterate(ParallelOptions parallel)
    {
        if (parallel.MaxDegreeOfParallelism == 1)
        {
            for (var c = 0; c < SybilRank.ChunkCount; c++)
            {
                _step(c);
            }
        }
        else
        {
            Parallel.For(0, SybilRank.ChunkCount, parallel, _step);
        }

        (_trust, _next) = (_next, _trust);
        (_share, _nextShare) = (_nextShare, _share);
    }

    private void Step(int chunk)
    {
        var graph = _graph;
        var share = _share;
        var trust = _trust;
        var next = _next;
        var nextShare = _nextShare;
        var spread = _spread;
        var end = _bounds[chunk + 1];
        for (var v = _bounds[chunk]; v < end; v++)
        {
            var sum = 0.0;
            if (!_forward)
            {
                sum = Gather(share, graph.OutNeighbors(v), _weighted ? graph.OutWeights(v) : default, sum);
            }

            sum = Gather(share, graph.InNeighbors(v), _weighted ? graph.InWeights(v) : default, sum);
            var d = spread[v];
            if (_forward && d == 0)
            {
                // A node that endorses nobody keeps its trust, so the total stays T.
                sum += trust[v];
            }

            next[v] = sum;
            nextShare[v] = d > 0 ? sum / d : 0;
        }
    }

    /// <summary>Adds <c>share[u]</c> (times the weight, when <paramref name="weights"/> is not empty) for each neighbour u.</summary>
    private static double Gather(double[] share, ReadOnlySpan<int> neighbors, ReadOnlySpan<float> weights, double sum)
    {
        if (weights.IsEmpty)
        {
            for (var i = 0; i < neighbors.Length; i++)
            {
                sum += share[neighbors[i]];
            }
        }
        else
        {
            for (var i = 0; i < neighbors.Length; i++)
            {
                sum += share[neighbors[i]] * weights[i];
            }
        }

        return sum;
    }
}
