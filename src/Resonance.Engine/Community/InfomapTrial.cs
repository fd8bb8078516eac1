using Resonance.Engine.Randomness;

namespace Resonance.Engine.Community;

/// <summary>One Infomap trial: from singletons, local moving and aggregation level after level, then fine-tuning
/// iterations from the partition found (the two-level core algorithm of the Infomap program, Edler, Eriksson and
/// Rosvall 2017).</summary>
/// <remarks>
/// <para>Method: an iteration runs <see cref="InfomapLocalMoving"/> on the input graph from the start partition, then
/// aggregates each module into one node (<see cref="LeidenLevelGraph.Aggregate"/>: node flows and edge weights summed,
/// internal edges dropped, which keeps every module's flow and exit) and moves those nodes, as singletons, at the next
/// level; it stops at the level where nothing moves. The first iteration starts from singletons; each further one starts
/// from single nodes with the previous partition, so a node that was moved as part of a block can leave it (Infomap's
/// fine-tuning). Iterations stop when one lowers the codelength by less than the relative
/// <see cref="InfomapOptions.Tolerance"/>, or after <see cref="InfomapOptions.MaxIterations"/>. Infomap's coarse-tuning
/// (moving sub-modules) is not done.</para>
/// <para>Complexity: O(L·(n + m)) per iteration for L levels, plus O(n + m) for the codelength after each.</para>
/// <para>Determinism: every random order comes from <see cref="Xoshiro256StarStar"/> streams derived from (trial seed,
/// iteration, level); one trial runs on one thread.</para>
/// </remarks>
internal static class InfomapTrial
{
    /// <summary>Runs one trial with <paramref name="trialSeed"/>; returns its membership (dense, by first appearance).</summary>
    public static int[] Run(UndirectedGraph graph, LeidenLevelGraph level0, InfomapOptions options, ulong trialSeed, CancellationToken ct)
    {
        var n = graph.NodeCount;
        var totalWeight = 2 * graph.TotalWeight;
        var ws = new InfomapWorkspace(n);
        var membership = new int[n];
        for (var v = 0; v < n; v++)
        {
            membership[v] = v;
        }

        var codelength = double.PositiveInfinity;
        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            var next = Iterate(level0, membership, totalWeight, SplitMix64.Derive(trialSeed, (ulong)iteration), ws, ct);
            var nextLength = MapEquation.Codelength(graph, next);
            if (!(nextLength < codelength))
            {
                break; // no better than the previous iteration's partition: keep that one
            }

            var gain = codelength - nextLength;
            membership = next;
            codelength = nextLength;
            if (gain < options.Tolerance * Math.Abs(codelength))
            {
                break;
            }
        }

        return membership;
    }

    /// <summary>One iteration from <paramref name="start"/>: local moving, then aggregation, until a level moves nothing.</summary>
    private static int[] Iterate(LeidenLevelGraph level0, int[] start, double totalWeight, ulong iterationSeed, InfomapWorkspace ws, CancellationToken ct)
    {
        var n = level0.NodeCount;
        var level = level0;
        var membership = (int[])start.Clone();
        var aggregateOf = new int[n]; // the node of the current level that holds each input node
        for (var v = 0; v < n; v++)
        {
            aggregateOf[v] = v;
        }

        for (var depth = 0UL; ; depth++)
        {
            ct.ThrowIfCancellationRequested();
            var rng = new Xoshiro256StarStar(SplitMix64.Derive(iterationSeed, depth));
            var count = InfomapLocalMoving.Run(level, membership, totalWeight, ref rng, ws);
            for (var v = 0; v < n; v++)
            {
                aggregateOf[v] = membership[aggregateOf[v]];
            }

            if (count == level.NodeCount)
            {
                break;
            }

            level = level.Aggregate(membership, count, ws.Shared);
            membership = new int[count];
            for (var c = 0; c < count; c++)
            {
                membership[c] = c;
            }
        }

        ws.Shared.RenumberInPlace(aggregateOf, n);
        return aggregateOf;
    }
}
