using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Centrality;

/// <summary>A slow reference PageRank: the Google matrix built explicitly, then power iteration to 1e-14.</summary>
/// <remarks>
/// G[v, u] = d·w(u,v)/W(u) + d·t[v]·[u dangling] + (1 − d)·t[v], with w = 1 per edge when unweighted, parallel
/// edges summed, and dangling meaning W(u) = 0. Written from the edge list, sharing no code with the engine.
/// </remarks>
public static class DensePageRank
{
    public static double[] Run(EdgeList list, double damping, bool weighted, double[]? personalization)
    {
        var n = list.NodeCount;
        var t = new double[n];
        var tSum = personalization?.Sum() ?? n;
        for (var v = 0; v < n; v++)
        {
            t[v] = (personalization?[v] ?? 1.0) / tSum;
        }

        var adjacency = new double[n, n];
        var outWeight = new double[n];
        for (var i = 0; i < list.EdgeCount; i++)
        {
            var w = weighted ? list.Weights![i] : 1.0;
            adjacency[list.Sources[i], list.Targets[i]] += w;
            outWeight[list.Sources[i]] += w;
        }

        var google = new double[n, n];
        for (var u = 0; u < n; u++)
        {
            for (var v = 0; v < n; v++)
            {
                var follow = outWeight[u] > 0 ? adjacency[u, v] / outWeight[u] : t[v];
                google[v, u] = (damping * follow) + ((1 - damping) * t[v]);
            }
        }

        var x = Enumerable.Repeat(1.0 / n, n).ToArray();
        for (var iteration = 0; iteration < 100_000; iteration++)
        {
            var next = new double[n];
            for (var v = 0; v < n; v++)
            {
                for (var u = 0; u < n; u++)
                {
                    next[v] += google[v, u] * x[u];
                }
            }

            var change = next.Zip(x, (a, b) => Math.Abs(a - b)).Sum();
            x = next;
            if (change < 1e-14)
            {
                break;
            }
        }

        return x;
    }
}
