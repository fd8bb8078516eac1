using Resonance.Engine.Tests.Graphs;
using Resonance.Engine.Trust;

namespace Resonance.Engine.Tests.Trust;

/// <summary>A slow reference SybilRank: the transition matrix built explicitly from the edge list, then k vector–matrix products.</summary>
/// <remarks>
/// A[u, v] is the weight with which trust may move from u to v: each edge u→v of weight w adds w to A[u, v] and,
/// undirected, also to A[v, u] (so a self-loop adds 2w to A[u, u]). P[u, v] = A[u, v] / Σ_v A[u, v]; a row without
/// weight is zero, except in the forward direction, where such a node keeps its trust (P[u, u] = 1). Trust starts as
/// T split over the seeds with any weight in their row or column, t_{i+1} = t_i·P, and the score divides t by the row
/// sum (undirected) or the column sum (forward). Written from the definition, sharing no code with the engine.
/// </remarks>
public static class DenseSybilRank
{
    public static (double[] Trust, double[] Scores) Run(
        EdgeList list, int[] seeds, int iterations, double totalTrust, bool weighted, TrustDirection direction)
    {
        var n = list.NodeCount;
        var forward = direction == TrustDirection.Forward;
        var a = new double[n, n];
        for (var i = 0; i < list.EdgeCount; i++)
        {
            var w = weighted ? list.Weights![i] : 1.0;
            a[list.Sources[i], list.Targets[i]] += w;
            if (!forward)
            {
                a[list.Targets[i], list.Sources[i]] += w;
            }
        }

        var rowSum = new double[n];
        var columnSum = new double[n];
        for (var u = 0; u < n; u++)
        {
            for (var v = 0; v < n; v++)
            {
                rowSum[u] += a[u, v];
                columnSum[v] += a[u, v];
            }
        }

        var p = new double[n, n];
        for (var u = 0; u < n; u++)
        {
            for (var v = 0; v < n; v++)
            {
                p[u, v] = rowSum[u] > 0 ? a[u, v] / rowSum[u] : (forward && u == v ? 1 : 0);
            }
        }

        var active = seeds.Where(s => rowSum[s] + columnSum[s] > 0).ToArray();
        var t = new double[n];
        foreach (var s in active)
        {
            t[s] = totalTrust / active.Length;
        }

        for (var i = 0; i < iterations; i++)
        {
            var next = new double[n];
            for (var v = 0; v < n; v++)
            {
                for (var u = 0; u < n; u++)
                {
                    next[v] += t[u] * p[u, v];
                }
            }

            t = next;
        }

        var degree = forward ? columnSum : rowSum;
        var scores = new double[n];
        for (var v = 0; v < n; v++)
        {
            scores[v] = degree[v] > 0 ? t[v] / degree[v] : 0;
        }

        return (t, scores);
    }
}
