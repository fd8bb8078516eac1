using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Community;

/// <summary>Slow reference qualities from a dense symmetric adjacency matrix, sharing no code with the engine.</summary>
/// <remarks>
/// Each directed edge u→v of weight w adds w to A[u,v] and A[v,u] (2w to A[u,u] for a loop), which is networkx's
/// convention for an undirected multigraph; k_i = Σ_j A_ij and 2m = Σ_i k_i. Modularity is
/// (1/2m) Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j) summed over all ordered pairs; CPM is the weight inside communities
/// (pairs i &lt; j, plus loops) minus γ times the number of node pairs inside communities.
/// </remarks>
public static class DenseQuality
{
    public static double[,] Adjacency(EdgeList list)
    {
        var a = new double[list.NodeCount, list.NodeCount];
        for (var e = 0; e < list.EdgeCount; e++)
        {
            var w = list.Weights?[e] ?? 1.0;
            a[list.Sources[e], list.Targets[e]] += w;
            a[list.Targets[e], list.Sources[e]] += w;
        }

        return a;
    }

    public static double Modularity(double[,] a, int[] membership, double resolution = 1.0)
    {
        var n = membership.Length;
        var k = Strengths(a, out var twoM);

        var q = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (membership[i] == membership[j])
                {
                    q += a[i, j] - (resolution * k[i] * k[j] / twoM);
                }
            }
        }

        return q / twoM;
    }

    /// <summary>Each node's strength k_i = Σ_j A_ij, and their sum 2m.</summary>
    public static double[] Strengths(double[,] a, out double twoM)
    {
        var n = a.GetLength(0);
        var k = new double[n];
        twoM = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                k[i] += a[i, j];
            }

            twoM += k[i];
        }

        return k;
    }

    public static double Cpm(double[,] a, int[] membership, double resolution)
    {
        var h = 0.0;
        for (var i = 0; i < membership.Length; i++)
        {
            h += a[i, i] / 2;
            for (var j = i + 1; j < membership.Length; j++)
            {
                if (membership[i] == membership[j])
                {
                    h += a[i, j] - resolution;
                }
            }
        }

        return h;
    }
}
