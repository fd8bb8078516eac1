using Resonance.Engine.Randomness;

namespace Resonance.Engine.Community;

/// <summary>Finds communities with Infomap: the partition whose two-level map equation codes a random walk on the graph
/// in the fewest bits per step.</summary>
/// <remarks>
/// <para>Objective: the two-level map equation L(M) of Rosvall and Bergstrom [1] (<see cref="MapEquation"/>), on the
/// walk whose visit rates are proportional to the weighted degree (undirected flow, no teleportation). A good module is
/// one the walker rarely leaves, so Infomap looks for flow, not for a density above a null model as modularity does; it
/// has no resolution parameter, and on email-Eu-core it finds the small departments that modularity's resolution limit
/// merges (docs/communities.md).</para>
/// <para>Method: the core algorithm of the Infomap program [2, 3]: <see cref="InfomapOptions.Trials"/> independent
/// trials (<see cref="InfomapTrial"/>: Louvain-style local moving with map-equation deltas, aggregation, and
/// fine-tuning iterations). Each trial's modules are then split into their connected parts
/// (<see cref="ConnectedModules"/>), so that every community is connected, a guarantee Infomap's local moving alone
/// does not give; the trial with the shortest codelength wins, ties to the earliest. If the graph's connected
/// components code the walk in fewer bits still (the walk never leaves a component, so they need no index codebook),
/// they are returned instead; so the result is never worse than the one-module partition of a connected graph.</para>
/// <para>Differences from the Infomap program: no coarse-tuning (sub-module moves) and no recursive multi-level
/// search; the local moving visits nodes from a queue (as Leiden's fast local moving) instead of in repeated sweeps;
/// disconnected modules are split. Self-loops count in a node's visit rate (as its strength does) but never in an
/// exit rate.</para>
/// <para>Complexity: O(T·I·L·(n + m)) time for T trials of at most I iterations over L levels, each node visit costing
/// a few logarithms per neighbouring module; O(n + m) memory per trial running at once (about 110 bytes per node plus
/// the aggregate graphs).</para>
/// <para>Determinism: trial t draws every node order from <see cref="Xoshiro256StarStar"/> streams derived from
/// (seed, t, iteration, level) with <see cref="SplitMix64.Derive"/>; trials run in parallel on up to
/// <see cref="InfomapOptions.DegreeOfParallelism"/> threads, each alone with its own workspace, and the winner is chosen
/// in trial order, so the partition is the same for any thread count (tested for 1 and 4). With integer weights every
/// flow sum is exact; the one platform-dependent step is <see cref="Math.Log2(double)"/> in the deltas, whose last bit
/// may differ between CPUs or runtimes, which can change a near-tie move on another machine.</para>
/// <para>References:
/// [1] Rosvall, Bergstrom (2008). Maps of random walks on complex networks reveal community structure. PNAS 105(4):
///     1118–1123. doi:10.1073/pnas.0706851105
/// [2] Edler, Eriksson, Rosvall (2017). The MapEquation software package. https://www.mapequation.org
/// [3] Rosvall, Axelsson, Bergstrom (2009). The map equation. Eur. Phys. J. Special Topics 178:13–23.
///     doi:10.1140/epjst/e2010-01179-1</para>
/// </remarks>
/// <seealso cref="MapEquation"/>
/// <seealso cref="Leiden"/>
public static class Infomap
{
    /// <summary>Runs Infomap on <paramref name="graph"/>.</summary>
    /// <param name="graph">The undirected graph.</param>
    /// <param name="options">The options; validated before use.</param>
    /// <param name="ct">Checked once per level of every trial.</param>
    /// <returns>The partition, its codelength, and each trial's codelength.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static InfomapResult Run(UndirectedGraph graph, InfomapOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var n = graph.NodeCount;
        var oneLevel = MapEquation.OneLevelCodelength(graph);
        var components = ConnectedModules.Split(graph, new int[n]);
        var trialLengths = new double[options.Trials];
        if (n == 0 || !(graph.TotalWeight > 0))
        {
            // No walk to describe: every node alone (its own component, as the edgeless graph's components are).
            return Result(components, 0, oneLevel, trialLengths, -1, options);
        }

        var level0 = new LeidenLevelGraph(graph.Offsets, graph.NeighborArray, graph.WeightArray, graph.StrengthArray);
        var trials = new int[options.Trials][];
        var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = options.DegreeOfParallelism ?? -1 };
        Parallel.For(0, options.Trials, parallel, t =>
        {
            var membership = InfomapTrial.Run(graph, level0, options, SplitMix64.Derive(options.Seed, (ulong)t), ct);
            trials[t] = ConnectedModules.Split(graph, membership);
            trialLengths[t] = MapEquation.Codelength(graph, trials[t]);
        });

        var best = 0;
        for (var t = 1; t < trials.Length; t++)
        {
            if (trialLengths[t] < trialLengths[best])
            {
                best = t;
            }
        }

        var componentLength = MapEquation.Codelength(graph, components);
        return componentLength < trialLengths[best]
            ? Result(components, componentLength, oneLevel, trialLengths, -1, options)
            : Result(trials[best], trialLengths[best], oneLevel, trialLengths, best, options);
    }

    private static InfomapResult Result(int[] membership, double codelength, double oneLevel, double[] trialLengths, int best, InfomapOptions options)
    {
        var dense = PartitionLabels.Compact(membership, out var k);
        return new InfomapResult(dense, k, codelength, oneLevel, trialLengths, best, options);
    }
}
