using Resonance.Engine.Graphs;

namespace Resonance.Engine.Centrality;

/// <summary>The per-iteration state and chunk kernel of <see cref="PageRank"/>: buffers allocated once, then swapped.</summary>
/// <remarks>
/// Each chunk pulls its nodes' new scores, stores their contributions for the next iteration in the second
/// contribution buffer, and writes its residual and dangling mass into per-chunk slots; the caller sums the slots in
/// chunk order, so the result does not depend on how chunks are scheduled onto threads.
/// </remarks>
internal sealed class PageRankKernel
{
    private readonly CsrGraph _graph;
    private readonly double _damping;
    private readonly bool _weighted;
    private readonly double[] _teleport;
    private readonly double[] _outScale;
    private readonly int[] _bounds;
    private readonly double[] _residualPartials;
    private readonly double[] _danglingPartials;
    private readonly Action<int> _step;
    private double[] _scores;
    private double[] _next;
    private double[] _contrib;
    private double[] _nextContrib;
    private double _baseScale;

    public PageRankKernel(CsrGraph graph, PageRankOptions options, double[] teleport, double[] outScale)
    {
        var n = graph.NodeCount;
        _graph = graph;
        _damping = options.Damping;
        _weighted = options.Weighted;
        _teleport = teleport;
        _outScale = outScale;
        _bounds = PageRank.ChunkBounds(graph, PageRank.ChunkCount);
        _residualPartials = new double[PageRank.ChunkCount];
        _danglingPartials = new double[PageRank.ChunkCount];
        _scores = new double[n];
        _next = new double[n];
        _contrib = new double[n];
        _nextContrib = new double[n];
        _step = Step;

        Array.Fill(_scores, 1.0 / n);
        for (var c = 0; c < PageRank.ChunkCount; c++)
        {
            var dangling = 0.0;
            for (var v = _bounds[c]; v < _bounds[c + 1]; v++)
            {
                _contrib[v] = _scores[v] * outScale[v];
                if (outScale[v] == 0)
                {
                    dangling += _scores[v];
                }
            }

            _danglingPartials[c] = dangling;
        }
    }

    /// <summary>Gets the current score vector (after the last completed iteration).</summary>
    public double[] Scores => _scores;

    /// <summary>Runs one synchronous iteration and returns its L1 change.</summary>
    public double Iterate(ParallelOptions parallel)
    {
        var dangling = 0.0;
        for (var c = 0; c < _danglingPartials.Length; c++)
        {
            dangling += _danglingPartials[c];
        }

        _baseScale = (1 - _damping) + (_damping * dangling);
        if (parallel.MaxDegreeOfParallelism == 1)
        {
            for (var c = 0; c < PageRank.ChunkCount; c++)
            {
                Step(c);
            }
        }
        else
        {
            Parallel.For(0, PageRank.ChunkCount, parallel, _step);
        }

        var residual = 0.0;
        for (var c = 0; c < _residualPartials.Length; c++)
        {
            residual += _residualPartials[c];
        }

        (_scores, _next) = (_next, _scores);
        (_contrib, _nextContrib) = (_nextContrib, _contrib);
        return residual;
    }

    private void Step(int chunk)
    {
        var graph = _graph;
        var scores = _scores;
        var next = _next;
        var contrib = _contrib;
        var nextContrib = _nextContrib;
        var teleport = _teleport;
        var outScale = _outScale;
        var damping = _damping;
        var baseScale = _baseScale;
        var residual = 0.0;
        var dangling = 0.0;
        var end = _bounds[chunk + 1];
        for (var v = _bounds[chunk]; v < end; v++)
        {
            var sources = graph.InNeighbors(v);
            var sum = 0.0;
            if (_weighted)
            {
                var weights = graph.InWeights(v);
                for (var i = 0; i < sources.Length; i++)
                {
                    sum += contrib[sources[i]] * weights[i];
                }
            }
            else
            {
                for (var i = 0; i < sources.Length; i++)
                {
                    sum += contrib[sources[i]];
                }
            }

            var x = (teleport[v] * baseScale) + (damping * sum);
            residual += Math.Abs(x - scores[v]);
            next[v] = x;
            var scale = outScale[v];
            nextContrib[v] = x * scale;
            if (scale == 0)
            {
                dangling += x;
            }
        }

        _residualPartials[chunk] = residual;
        _danglingPartials[chunk] = dangling;
    }
}
