using Resonance.Engine.Statistics;

namespace Resonance.Engine.Community;

/// <summary>A label-free look at the resolution: how stable Leiden's partitions are across seeds at each γ of a grid.</summary>
/// <remarks>
/// <para>Method: at each resolution γ of the grid, Leiden runs once per seed (seed, seed + 1, …) and the stability is the
/// mean NMI over all pairs of those partitions (<see cref="NormalizedMutualInformation"/>): 1 when every seed finds the
/// same partition. The most stable γ is the candidate a label-free rule would pick: structure that is really in the
/// graph is found again from any starting order, while a resolution between two natural scales splits or merges
/// communities differently on each run [1, 2]. Ties go to the γ closest to 1 (in log scale), then the smaller.</para>
/// <para>What it found (bench/README.md): on email-Eu-core the most stable γ is below 1 and recovers the departments
/// worse than γ = 1, so Resonance does not use it to choose a run's resolution.</para>
/// <para>Complexity: |grid| × seeds Leiden runs plus |grid| × seeds² / 2 NMIs of O(n log n) each.</para>
/// <para>Determinism: every run is seeded; the result is identical on every run.</para>
/// <para>References:
/// [1] von Luxburg (2010). Clustering stability: an overview. Foundations and Trends in Machine Learning 2(3):235–274.
/// [2] Lancichinetti, Fortunato (2012). Consensus clustering in complex networks. Sci. Rep. 2:336. doi:10.1038/srep00336</para>
/// </remarks>
public static class ResolutionStability
{
    /// <summary>One resolution of a scan.</summary>
    /// <param name="Resolution">γ.</param>
    /// <param name="Stability">Mean pairwise NMI of the seeds' partitions, in [0, 1].</param>
    /// <param name="Results">One Leiden result per seed, in seed order.</param>
    public sealed record Point(double Resolution, double Stability, IReadOnlyList<LeidenResult> Results);

    /// <summary>γ = 2^(k/4) for k = −4..4: 0.5 to 2, nine points evenly spaced in log scale around classic modularity.</summary>
    public static IReadOnlyList<double> DefaultGrid { get; } = [.. Enumerable.Range(-4, 9).Select(k => Math.Pow(2, k / 4.0))];

    /// <summary>Runs Leiden <paramref name="seeds"/> times at each resolution of <paramref name="grid"/>.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="grid">The resolutions, each finite and non-negative.</param>
    /// <param name="seeds">Runs per resolution, at least 2 (seeds <c>options.Seed + 0, 1, …</c>).</param>
    /// <param name="options">Every other Leiden option.</param>
    /// <param name="ct">Cancellation.</param>
    public static IReadOnlyList<Point> Scan(UndirectedGraph graph, IReadOnlyList<double> grid, int seeds, LeidenOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 2);
        var points = new List<Point>(grid.Count);
        foreach (var gamma in grid)
        {
            var results = new LeidenResult[seeds];
            for (var s = 0; s < seeds; s++)
            {
                results[s] = Leiden.Run(graph, options with { Resolution = gamma, Seed = options.Seed + (ulong)s }, ct);
            }

            var sum = 0.0;
            var pairs = 0;
            for (var i = 0; i < seeds; i++)
            {
                for (var j = i + 1; j < seeds; j++)
                {
                    sum += NormalizedMutualInformation.Compute(results[i].Membership, results[j].Membership);
                    pairs++;
                }
            }

            points.Add(new Point(gamma, sum / pairs, results));
        }

        return points;
    }

    /// <summary>The most stable point of a scan (ties: γ closest to 1 in log scale, then the smaller γ).</summary>
    public static Point MostStable(IReadOnlyList<Point> scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return scan.OrderByDescending(p => p.Stability).ThenBy(p => Math.Abs(Math.Log(p.Resolution))).ThenBy(p => p.Resolution).First();
    }
}
