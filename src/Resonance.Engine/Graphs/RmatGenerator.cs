using Resonance.Engine.Randomness;

namespace Resonance.Engine.Graphs;

/// <summary>Generates R-MAT (recursive matrix) graphs with Graph500 parameters, seeded and parallel.</summary>
/// <remarks>
/// Method: each edge picks one quadrant of the adjacency matrix per bit of the node id, with probabilities
/// a = 0.57, b = 0.19, c = 0.19, d = 0.05 (Graph500), giving a skewed, power-law-like degree distribution.
/// Node ids are then scrambled by a seeded random permutation so that high-degree nodes are not clustered at low
/// ids. As in <c>../shared/bench/rmat.py</c>, self-loops are dropped and duplicate edges kept.
/// Complexity: O(m · scale) time, O(n + m) memory for the output arrays.
/// Determinism: edge k is drawn from a stream derived from (seed, k / ChunkSize), never from the thread, so the
/// output is bit-identical for any degree of parallelism. It differs from rmat.py's output (another generator).
/// [1] Chakrabarti, Zhan, Faloutsos (2004). R-MAT: A Recursive Model for Graph Mining. SDM 2004. doi:10.1137/1.9781611972740.43
/// [2] Graph500 Steering Committee. Graph500 benchmark specification, Kronecker generator.
/// </remarks>
public static class RmatGenerator
{
    private const int ChunkSize = 1 << 16;
    private const double A = 0.57, B = 0.19, C = 0.19;

    /// <summary>Generates about <c>edgeFactor · 2^scale</c> directed edges on <c>2^scale</c> nodes (fewer by the self-loops dropped).</summary>
    /// <returns>Parallel source and target arrays, and the node count.</returns>
    public static (int[] Sources, int[] Targets, int NodeCount) Generate(int scale, int edgeFactor, ulong seed, int? degreeOfParallelism = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 30);
        ArgumentOutOfRangeException.ThrowIfLessThan(edgeFactor, 1);
        var n = 1 << scale;
        var m = (long)n * edgeFactor;
        if (m > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(edgeFactor), $"2^{scale} x {edgeFactor} = {m} edges exceeds the {int.MaxValue} edges a CSR graph can hold.");
        }
        var src = new int[m];
        var dst = new int[m];
        var chunks = (int)((m + ChunkSize - 1) / ChunkSize);
        var keep = new int[chunks];
        var options = new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, chunks, options, chunk =>
        {
            var rng = new Xoshiro256StarStar(SplitMix64.Derive(seed, (ulong)chunk));
            var start = chunk * ChunkSize;
            var end = (int)Math.Min(m, start + (long)ChunkSize);
            var kept = start;
            for (var e = start; e < end; e++)
            {
                int u = 0, v = 0;
                for (var bit = 0; bit < scale; bit++)
                {
                    var r = rng.NextDouble();
                    var right = r >= A && (r < A + B || r >= A + B + C);
                    var down = r >= A + B;
                    u = (u << 1) | (down ? 1 : 0);
                    v = (v << 1) | (right ? 1 : 0);
                }
                if (u != v)
                {
                    src[kept] = u;
                    dst[kept] = v;
                    kept++;
                }
            }
            keep[chunk] = kept - start;
        });

        // Compact the chunks in order (deterministic), then scramble ids with a seeded permutation.
        var total = 0;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            Array.Copy(src, chunk * ChunkSize, src, total, keep[chunk]);
            Array.Copy(dst, chunk * ChunkSize, dst, total, keep[chunk]);
            total += keep[chunk];
        }
        Array.Resize(ref src, total);
        Array.Resize(ref dst, total);
        var permutation = Permutation(n, SplitMix64.Derive(seed, ulong.MaxValue));
        Parallel.For(0, (total + ChunkSize - 1) / ChunkSize, options, chunk =>
        {
            var end = Math.Min(total, (chunk + 1) * ChunkSize);
            for (var e = chunk * ChunkSize; e < end; e++)
            {
                src[e] = permutation[src[e]];
                dst[e] = permutation[dst[e]];
            }
        });
        return (src, dst, n);
    }

    /// <summary>A uniformly random permutation of 0..n-1 (Fisher–Yates).</summary>
    private static int[] Permutation(int n, ulong seed)
    {
        var p = new int[n];
        for (var i = 0; i < n; i++)
        {
            p[i] = i;
        }
        var rng = new Xoshiro256StarStar(seed);
        for (var i = n - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}
