using Resonance.Engine.Graphs;

namespace Resonance.Engine.Centrality;

/// <summary>Checks a PageRank score vector independently of the kernel, as the GAPBS <c>pr.cc</c> verifier does.</summary>
/// <remarks>
/// Method: one serial push-direction iteration from the given scores over the out-edge CSR (the kernel pulls over
/// the in-edge CSR, so the two share no traversal code), with dangling mass spread by the teleport vector; the
/// residual is the L1 distance between the pushed vector and the given one. A fixed point has residual 0; a result
/// that converged to tolerance τ has residual at most about d·τ.
/// Complexity: O(n + m) time; O(n) extra memory.
/// Determinism: serial, so the residual is the same for every thread count.
/// </remarks>
/// <seealso cref="PageRank"/>
public static class PageRankVerifier
{
    /// <summary>Returns ‖F(x) − x‖₁, where F is one PageRank iteration under <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="scores"/> or the personalization vector has the wrong
    /// length, or the weights are unusable (see <see cref="PageRank.Run"/>).</exception>
    public static double Residual(CsrGraph g, ReadOnlySpan<double> scores, PageRankOptions options)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var n = g.NodeCount;
        if (scores.Length != n)
        {
            throw new ArgumentException($"There are {scores.Length} scores but the graph has {n} nodes.", nameof(scores));
        }

        var teleport = PageRank.Teleport(n, options.Personalization);
        var outScale = PageRank.OutScale(g, options.Weighted);
        var d = options.Damping;
        var incoming = new double[n];
        var dangling = 0.0;
        for (var u = 0; u < n; u++)
        {
            if (outScale[u] == 0)
            {
                dangling += scores[u];
                continue;
            }

            var share = scores[u] * outScale[u];
            var targets = g.OutNeighbors(u);
            if (options.Weighted)
            {
                var weights = g.OutWeights(u);
                for (var i = 0; i < targets.Length; i++)
                {
                    incoming[targets[i]] += share * weights[i];
                }
            }
            else
            {
                for (var i = 0; i < targets.Length; i++)
                {
                    incoming[targets[i]] += share;
                }
            }
        }

        var baseScale = (1 - d) + (d * dangling);
        var error = 0.0;
        for (var v = 0; v < n; v++)
        {
            error += Math.Abs((teleport[v] * baseScale) + (d * incoming[v]) - scores[v]);
        }

        return error;
    }

    /// <summary>Returns true when <see cref="Residual"/> of <paramref name="result"/>'s scores is at most <paramref name="tolerance"/>.</summary>
    public static bool Verify(CsrGraph g, PageRankResult result, PageRankOptions options, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Residual(g, result.Scores, options) <= tolerance;
    }
}
