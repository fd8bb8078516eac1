using Resonance.Engine.Graphs;

namespace Resonance.Engine.Centrality;

/// <summary>Computes PageRank by pull-style power iteration over the in-edge CSR.</summary>
/// <remarks>
/// <para>Method: starting from the uniform vector, each iteration computes, for every node v,
/// <c>x'[v] = t[v]·((1 − d) + d·D) + d·Σ_{u→v} x[u]·w(u,v)/W(u)</c>, where t is the teleport (personalization)
/// vector, d the damping factor, D the total score of dangling nodes, and W(u) the out-degree of u (or, when
/// <see cref="PageRankOptions.Weighted"/>, its out-weight sum, with w(u,v) the edge weight instead of 1). Parallel
/// edges count once each and self-loops are ordinary edges. Iteration stops when the L1 change ‖x' − x‖₁ falls below
/// <see cref="PageRankOptions.Tolerance"/> or after <see cref="PageRankOptions.MaxIterations"/> iterations.</para>
/// <para>Why pull: each node sums its in-neighbours' precomputed contributions <c>x[u]/W(u)</c> and writes only its
/// own score, so threads never write to shared locations and no atomics are needed (as in GAPBS <c>pr.cc</c> [3]);
/// the inner loop is one indexed load and one add per edge. Updates are synchronous (Jacobi): iteration k reads only
/// iteration k−1, which is what makes the result independent of scheduling. Scores are <see cref="double"/> so that
/// 1e-10-level tolerances are meaningful on graphs with millions of nodes; <see cref="PageRankOptions.SingleContributions"/>
/// gathers float contributions instead (GAPBS-style, for speed at about 1e-7 L1). With a fixed iteration count
/// (tolerance 0) only the last iteration reads and writes the score vectors; the others carry the state in the
/// contributions alone.</para>
/// <para>Dangling nodes (no out-edges, or zero out-weight when weighted) spread their mass by the teleport vector, as
/// networkx does by default (<c>dangling=None</c>) and as Langville and Meyer [2] describe. Scores therefore sum to 1.</para>
/// <para>Complexity: O(k·(n + m)) time for k iterations; O(n) extra memory (two score buffers, two contribution
/// buffers (double, or float with <see cref="PageRankOptions.SingleContributions"/>), the inverse out-degrees, and the
/// teleport vector when personalised), plus O(n + m) for the
/// relabelled copy when <see cref="PageRankOptions.Relabel"/> is set.</para>
/// <para>Determinism: bit-identical for a given graph, options and machine, whatever
/// <see cref="PageRankOptions.DegreeOfParallelism"/>. Nodes are cut into 256 chunks balanced by in-edge count
/// (independent of the thread count); each node's sum runs sequentially in in-CSR order, and the dangling mass and
/// residual are summed per chunk into an array, then over the chunks in chunk order.</para>
/// <para>Relabelling (<see cref="PageRankOptions.Relabel"/>, off by default): the graph is relabelled by descending
/// out-degree (<see cref="DegreeOrdering"/>) so the contributions read most often share cache lines, the kernel runs
/// on the copy, and the scores are mapped back. Measured with <c>resonance bench pagerank --graph rmat:22:16
/// --iterations 20 --trials 3</c> on 2 threads: 3.79–3.85 s median without; the kernel alone on a relabelled
/// graph 2.70 s median (−29%), but relabelling costs about 0.8 s and a second copy of the graph per call, so
/// <c>Run</c> with <c>Relabel = true</c> took 3.59–3.77 s median end to end, under the 15% needed to make it the
/// default. It pays off only where a relabelled graph is built once and reused across runs.</para>
/// <para>Differences from networkx/igraph: convergence is tested on the plain L1 change against
/// <see cref="PageRankOptions.Tolerance"/>, whereas networkx tests it against n·tol; non-convergence is a result
/// (<c>Converged = false</c>), not an exception; the personalization vector is validated here rather than
/// silently filled with zeros for missing nodes. igraph's default PRPACK solver is a direct solver, so its results
/// agree within solver tolerance rather than iteration by iteration.</para>
/// <para>References:
/// [1] Page, Brin, Motwani, Winograd (1999). The PageRank Citation Ranking: Bringing Order to the Web. Stanford InfoLab 1999-66.
/// [2] Langville, Meyer (2004). Deeper Inside PageRank. Internet Mathematics 1(3). doi:10.1080/15427951.2004.10129091
/// [3] Beamer, Asanović, Patterson (2015). The GAP Benchmark Suite. arXiv:1508.03619</para>
/// </remarks>
/// <seealso cref="PageRankVerifier"/>
public static class PageRank
{
    /// <summary>The fixed number of node chunks; it fixes the reduction order, so it must not depend on the thread count.</summary>
    internal const int ChunkCount = 256;

    /// <summary>Runs PageRank on <paramref name="g"/>.</summary>
    /// <param name="g">The graph.</param>
    /// <param name="options">The options; validated before use.</param>
    /// <param name="ct">Checked once per iteration.</param>
    /// <returns>The scores, iteration count, convergence flag and last L1 change.</returns>
    /// <exception cref="ArgumentException">The personalization vector's length is not n, or weighted mode was asked
    /// for on an unweighted graph or one with a negative or non-finite weight.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static PageRankResult Run(CsrGraph g, PageRankOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // Uniform teleport (no personalization) is a constant inside the kernel, not an n-vector.
        var teleport = options.Personalization is null ? null : Teleport(g.NodeCount, options.Personalization);
        var outScale = OutScale(g, options.Weighted);
        if (g.NodeCount == 0)
        {
            return new PageRankResult([], 0, true, 0, options);
        }

        DegreeOrdering? ordering = null;
        if (options.Relabel)
        {
            // Both vectors are computed in the original order and then permuted, so their entries are unchanged.
            ordering = DegreeOrdering.Compute(g, options.DegreeOfParallelism);
            g = ordering.Graph;
            teleport = teleport is null ? null : Permute(teleport, ordering.NewToOld);
            outScale = Permute(outScale, ordering.NewToOld);
        }

        var kernel = new PageRankKernel(g, options, teleport, outScale);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.DegreeOfParallelism ?? Environment.ProcessorCount };
        var iterations = 0;
        var residual = double.PositiveInfinity;
        var converged = false;
        while (iterations < options.MaxIterations)
        {
            ct.ThrowIfCancellationRequested();
            // With a fixed iteration count (tolerance 0) only the last iteration's change is reported.
            residual = kernel.Iterate(parallel, measureResidual: options.Tolerance > 0 || iterations == options.MaxIterations - 1);
            iterations++;
            if (residual < options.Tolerance)
            {
                converged = true;
                break;
            }
        }

        var scores = ordering is null ? kernel.Scores : Permute(kernel.Scores, ordering.OldToNew);
        return new PageRankResult(scores, iterations, converged, residual, options);
    }

    /// <summary>Returns <c>y</c> with <c>y[i] = x[map[i]]</c>.</summary>
    private static double[] Permute(double[] x, int[] map)
    {
        var y = new double[map.Length];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = x[map[i]];
        }

        return y;
    }

    /// <summary>Returns the normalised teleport vector: uniform, or the personalization vector divided by its sum.</summary>
    internal static double[] Teleport(int n, double[]? personalization)
    {
        var t = new double[n];
        if (personalization is null)
        {
            Array.Fill(t, 1.0 / n);
            return t;
        }

        if (personalization.Length != n)
        {
            throw new ArgumentException(
                $"Personalization has {personalization.Length} entries but the graph has {n} nodes.", nameof(personalization));
        }

        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += personalization[i];
        }

        for (var i = 0; i < n; i++)
        {
            t[i] = personalization[i] / sum;
        }

        return t;
    }

    /// <summary>Returns 1/W(u) per node (out-degree or out-weight sum), or 0 for dangling nodes.</summary>
    internal static double[] OutScale(CsrGraph g, bool weighted)
    {
        if (weighted && !g.IsWeighted)
        {
            throw new ArgumentException("Weighted PageRank needs a weighted graph.", nameof(g));
        }

        var scale = new double[g.NodeCount];
        for (var u = 0; u < scale.Length; u++)
        {
            double total = g.OutDegree(u);
            if (weighted)
            {
                total = 0;
                var w = g.OutWeights(u);
                for (var i = 0; i < w.Length; i++)
                {
                    if (!(w[i] >= 0) || float.IsInfinity(w[i]))
                    {
                        throw new ArgumentException($"Node {u} has an out-edge of weight {w[i]}; weights must be finite and non-negative.", nameof(g));
                    }

                    total += w[i];
                }
            }

            scale[u] = total > 0 ? 1.0 / total : 0.0;
        }

        return scale;
    }

    /// <summary>Chunk boundaries (length chunks+1) so that each chunk holds about (m + n)/chunks in-edges plus nodes.</summary>
    internal static int[] ChunkBounds(CsrGraph g, int chunks)
    {
        var n = g.NodeCount;
        var offsets = g.InOffsets;
        var bounds = new int[chunks + 1];
        var total = (long)g.EdgeCount + n;
        for (var c = 1; c < chunks; c++)
        {
            // The smallest v with offsets[v] + v >= c·total/chunks; offsets[v] + v grows strictly with v.
            var goal = total * c / chunks;
            int lo = bounds[c - 1], hi = n;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) >> 1);
                if (offsets[mid] + (long)mid >= goal)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            bounds[c] = lo;
        }

        bounds[chunks] = n;
        return bounds;
    }
}
