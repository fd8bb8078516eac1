using System.Numerics;
using Resonance.Engine.Graphs;

namespace Resonance.Engine.Trust;

/// <summary>Ranks nodes by trust propagated from trusted seeds with SybilRank's early-terminated power iteration.</summary>
/// <remarks>
/// <para>Method: the total trust T is split evenly over the seeds that have an edge; then, for k iterations (by default
/// ⌈log₂ n⌉), every node sends its trust to its neighbours in proportion to edge weight and receives what they send:
/// <c>t'[v] = Σ_{u ∈ N(v)} t[u]·w(u,v)/d(u)</c>, where N(v) is the undirected neighbourhood (the targets of v's
/// out-edges and the sources of its in-edges), w(u,v) the edge weight (1 unweighted) and d(u) = Σ w the weighted
/// degree. The trust vector keeps summing to T. The score is the degree-normalised trust <c>t[v]/d(v)</c>; isolated
/// nodes score 0. Stopping after O(log n) steps, before the walk mixes, is the point: trust has spread across the
/// well-connected region the seeds sit in but little has leaked over the few edges into a region of fake accounts,
/// whose members therefore score low; degree normalisation removes the walk's bias towards high-degree nodes [1].</para>
/// <para>Edges: each directed edge u→v is an undirected edge u–v; parallel edges add up, so a pair with edges both
/// ways is one edge of weight w(u→v) + w(v→u), and a self-loop counts twice towards its node's degree (the networkx
/// convention). With <see cref="TrustDirection.Forward"/> trust crosses an edge u→v only from u to v:
/// <c>t'[v] = Σ_{u→v} t[u]·w(u,v)/d⁺(u) + [d⁺(v) = 0]·t[v]</c> with d⁺ the out-weight (a node that endorses nobody
/// keeps its trust, so the total is still T), and the score is <c>t[v]/d⁻(v)</c> with d⁻ the in-weight. This is
/// TrustRank's direction [2] with SybilRank's seeds, early termination and normalisation.</para>
/// <para>Why pull: each node gathers <c>t[u]/d(u)</c>, precomputed once per node and iteration, from the neighbours
/// it reads in the out- and in-edge CSR, and writes only its own entries, so threads never write to shared locations
/// and no atomics are needed (as in GAPBS <c>pr.cc</c> [3]); no undirected copy of the graph is built. Updates are
/// synchronous (Jacobi): iteration i reads only iteration i − 1.</para>
/// <para>Complexity: O(k·(n + m)) time for k iterations, plus O(n + m) once for the degrees; O(n) extra memory (two
/// trust buffers, two share buffers, the degrees and the scores).</para>
/// <para>Determinism: bit-identical for a given graph and options, whatever
/// <see cref="SybilRankOptions.DegreeOfParallelism"/>. Nodes are cut into 256 chunks balanced by degree, independent
/// of the thread count; each node's sum runs sequentially over its out-edges and then its in-edges in CSR order, and
/// there is no reduction across nodes.</para>
/// <para>Differences from the paper: the paper propagates over a simple undirected friendship graph, whose edges need
/// both sides' consent; here edges come from one-sided interactions, hence the weights, multi-edges and the
/// <see cref="TrustDirection.Forward"/> option (docs/integrity.md shows why it matters: on the Bitcoin trust networks
/// the undirected walk over endorsements is fooled by accounts that endorse trusted ones). Seeds without an edge get
/// no trust instead of keeping theirs. The default total trust is 1, not n; scores scale linearly with it.</para>
/// <para>References:
/// [1] Cao, Sirivianos, Yang, Pregueiro (2012). Aiding the Detection of Fake Accounts in Large Scale Social Online
///     Services. 9th USENIX Symposium on Networked Systems Design and Implementation (NSDI '12), 197–210.
/// [2] Gyöngyi, Garcia-Molina, Pedersen (2004). Combating Web Spam with TrustRank. VLDB 2004, 576–587.
///     http://www.vldb.org/conf/2004/RS15P3.PDF
/// [3] Beamer, Asanović, Patterson (2015). The GAP Benchmark Suite. arXiv:1508.03619</para>
/// </remarks>
/// <seealso cref="Centrality.PageRank"/>
public static class SybilRank
{
    /// <summary>The fixed number of node chunks; it must not depend on the thread count.</summary>
    internal const int ChunkCount = 256;

    /// <summary>Runs SybilRank on <paramref name="g"/>.</summary>
    /// <param name="g">The graph.</param>
    /// <param name="options">The options; validated before use.</param>
    /// <param name="ct">Checked once per iteration.</param>
    /// <returns>The degree-normalised scores, the raw trust, the iteration count and the number of seeds used.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A seed is outside <c>[0, n)</c>, or an option is out of range.</exception>
    /// <exception cref="ArgumentException">The seeds are empty or repeat a node, or weighted mode was asked for on an
    /// unweighted graph or one with a negative or non-finite weight.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static SybilRankResult Run(CsrGraph g, SybilRankOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var n = g.NodeCount;
        foreach (var seed in options.Seeds)
        {
            if (seed >= n)
            {
                throw new ArgumentOutOfRangeException(nameof(options), seed, $"Seed node {seed} is outside the graph's range [0, {n}).");
            }
        }

        var forward = options.Direction == TrustDirection.Forward;
        var (outWeight, inWeight) = Degrees(g, options.Weighted);
        var total = new double[n];
        for (var v = 0; v < n; v++)
        {
            total[v] = outWeight[v] + inWeight[v];
        }

        var spread = forward ? outWeight : total;
        var normaliser = forward ? inWeight : total;
        var activeSeeds = 0;
        foreach (var seed in options.Seeds)
        {
            activeSeeds += total[seed] > 0 ? 1 : 0;
        }

        var initial = new double[n];
        foreach (var seed in options.Seeds)
        {
            initial[seed] = total[seed] > 0 ? options.TotalTrust / activeSeeds : 0;
        }

        var iterations = options.Iterations ?? DefaultIterations(n);
        var kernel = new SybilRankKernel(g, options.Weighted, forward, spread, initial);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.DegreeOfParallelism ?? Environment.ProcessorCount };
        for (var i = 0; i < iterations; i++)
        {
            ct.ThrowIfCancellationRequested();
            kernel.Iterate(parallel);
        }

        var trust = kernel.Trust;
        var scores = new double[n];
        for (var v = 0; v < n; v++)
        {
            scores[v] = normaliser[v] > 0 ? trust[v] / normaliser[v] : 0;
        }

        return new SybilRankResult(scores, trust, iterations, activeSeeds, options);
    }

    /// <summary>Returns ⌈log₂ n⌉, SybilRank's default iteration count (0 for n ≤ 1).</summary>
    /// <param name="n">The node count; non-negative.</param>
    /// <returns>The smallest k with 2^k ≥ n.</returns>
    public static int DefaultIterations(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return n <= 1 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)(n - 1));
    }

    /// <summary>Returns each node's out-degree and in-degree, or out-weight and in-weight sums when weighted.</summary>
    private static (double[] Out, double[] In) Degrees(CsrGraph g, bool weighted)
    {
        if (weighted && !g.IsWeighted)
        {
            throw new ArgumentException("Weighted SybilRank needs a weighted graph.", nameof(g));
        }

        var n = g.NodeCount;
        var outWeight = new double[n];
        var inWeight = new double[n];
        for (var v = 0; v < n; v++)
        {
            if (!weighted)
            {
                outWeight[v] = g.OutDegree(v);
                inWeight[v] = g.InDegree(v);
                continue;
            }

            var w = g.OutWeights(v);
            for (var i = 0; i < w.Length; i++)
            {
                if (!(w[i] >= 0) || float.IsInfinity(w[i]))
                {
                    throw new ArgumentException($"Node {v} has an out-edge of weight {w[i]}; weights must be finite and non-negative.", nameof(g));
                }

                outWeight[v] += w[i];
            }

            w = g.InWeights(v);
            for (var i = 0; i < w.Length; i++)
            {
                inWeight[v] += w[i];
            }
        }

        return (outWeight, inWeight);
    }

    /// <summary>Chunk boundaries (length chunks+1) so that each chunk holds about (2m + n)/chunks edge ends plus nodes.</summary>
    internal static int[] ChunkBounds(CsrGraph g, int chunks)
    {
        var n = g.NodeCount;
        var bounds = new int[chunks + 1];
        var total = (2L * g.EdgeCount) + n;
        var done = 0L;
        var c = 1;
        for (var v = 0; v < n; v++)
        {
            // Chunk c starts at the first node whose preceding work reaches c·total/chunks.
            while (c < chunks && done * chunks >= total * c)
            {
                bounds[c++] = v;
            }

            done += g.OutDegree(v) + g.InDegree(v) + 1;
        }

        while (c <= chunks)
        {
            bounds[c++] = n;
        }

        return bounds;
    }
}
