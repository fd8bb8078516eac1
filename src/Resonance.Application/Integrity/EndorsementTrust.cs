using Resonance.Application.Integrity.Signals;
using Resonance.Domain;
using Resonance.Engine.Graphs;
using Resonance.Engine.Trust;

namespace Resonance.Application.Integrity;

/// <summary>Trust of every account of an <see cref="ActivityLog"/>: <see cref="SybilRank"/> forward over endorsements.</summary>
/// <remarks>
/// <para>Edges are reposts and quotes, endorser → endorsed, weighted by their count (see docs/integrity.md, "Consequence for
/// Resonance": replies and mentions never vouch). Seeds are given, or else the <see cref="DefaultSeeds"/> accounts with the
/// most distinct endorsers, ties to the lower index (as in the Bitcoin evaluation). ⌈log₂ n⌉ iterations.</para>
/// <para>Complexity: O(m log m) to build the graph (one sort of pair keys) plus O(k·(n + m)) for the walk. Determinism: SybilRank is bit-identical
/// for any thread count; seeds and edges depend only on the log.</para>
/// </remarks>
public static class EndorsementTrust
{
    /// <summary>Seeds taken from the top of the endorsement ranking when none are given.</summary>
    public const int DefaultSeeds = 100;

    /// <summary>The degree-normalised trust of every account (0 for accounts nobody endorsed and seeds without edges).</summary>
    public static double[] Compute(ActivityLog log, IReadOnlyList<int>? seeds = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        var n = log.AccountCount;
        var keys = new List<long>();
        for (var i = 0; i < log.InteractionCount; i++)
        {
            if (log.Kinds[i] is InteractionKind.Repost or InteractionKind.Quote)
            {
                keys.Add(((long)log.Actors[i] * n) + log.Targets[i]);
            }
        }
        if (n == 0 || keys.Count == 0)
        {
            return new double[n];
        }

        // One edge per (endorser, endorsed) pair in ascending pair order, weighted by its count.
        keys.Sort();
        List<int> sources = [], targets = [];
        List<float> counts = [];
        var endorsers = new int[n];
        for (var k = 0; k < keys.Count; k++)
        {
            if (k > 0 && keys[k] == keys[k - 1])
            {
                counts[^1]++;
                continue;
            }
            sources.Add((int)(keys[k] / n));
            targets.Add((int)(keys[k] % n));
            counts.Add(1);
            endorsers[targets[^1]]++;
        }
        var chosen = seeds?.ToArray() ?? [.. Enumerable.Range(0, n).OrderByDescending(v => endorsers[v]).ThenBy(v => v).Take(DefaultSeeds)];
        var graph = CsrGraphBuilder.Build(n, [.. sources], [.. targets], [.. counts]);
        return SybilRank.Run(graph, new SybilRankOptions { Seeds = chosen, Weighted = true, Direction = TrustDirection.Forward }).Scores;
    }
}
