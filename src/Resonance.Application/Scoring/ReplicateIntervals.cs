using System.Collections.Concurrent;
using Resonance.Engine.Statistics;

namespace Resonance.Application.Scoring;

/// <summary>The central interval of bootstrap replicate scores, shared by the main score and the topic scores.</summary>
/// <remarks>Each item's interval is the (1 − level)/2 and 1 − (1 − level)/2 quantiles (<see cref="SortedQuantile"/>) of
/// its replicate scores, widened to contain its point score. Complexity: O(n·B log B) for n items and B replicates.
/// Determinism: an item reads only its own column of the replicates, so items split across threads freely.</remarks>
internal static class ReplicateIntervals
{
    /// <summary>The intervals of <paramref name="score"/> from <paramref name="samples"/>[replicate][item]; an item with
    /// <paramref name="varies"/> false scored exactly 1 in every replicate, so its interval spans only the point and 1.</summary>
    public static (double[] Low, double[] High) Of(float[][] samples, double[] score, double level, bool[]? varies, ParallelOptions options)
    {
        var n = score.Length;
        var low = new double[n];
        var high = new double[n];
        if (n == 0)
        {
            return (low, high); // Partitioner refuses an empty range (a window whose interactions all weigh 0 has no nodes)
        }

        var tail = (1 - level) / 2;
        Parallel.ForEach(Partitioner.Create(0, n, 4096), options, () => new double[samples.Length], (range, _, column) =>
        {
            for (var v = range.Item1; v < range.Item2; v++)
            {
                if (varies is not null && !varies[v])
                {
                    // Every replicate scored v as exactly 1, and any quantile of a sample of 1s is 1.
                    low[v] = Math.Min(score[v], 1.0);
                    high[v] = Math.Max(score[v], 1.0);
                    continue;
                }

                for (var b = 0; b < samples.Length; b++)
                {
                    column[b] = samples[b][v];
                }

                Array.Sort(column);
                low[v] = Math.Min(score[v], SortedQuantile.At(column, tail));
                high[v] = Math.Max(score[v], SortedQuantile.At(column, 1 - tail));
            }

            return column;
        }, _ => { });
        return (low, high);
    }
}
