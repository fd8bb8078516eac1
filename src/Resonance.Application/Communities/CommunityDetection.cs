using Resonance.Application.Scoring;
using Resonance.Engine.Community;
using Resonance.Engine.Randomness;

namespace Resonance.Application.Communities;

/// <summary>The community step of a run: Leiden or Infomap on the run's undirected engagement graph, then each scored
/// account's rank and centrality inside its community.</summary>
/// <remarks>
/// <para>Graph: every (engager, engaged) pair of the <see cref="EngagementGraph"/> becomes one undirected edge with the
/// pair's PageRank weight (Σ kind weight × decay), so {u, v} weighs w(u→v) + w(v→u) (<see cref="UndirectedGraph.FromEdges"/>).
/// Every node of the engagement graph takes part, scored or not.</para>
/// <para>Method: the one the run's <see cref="CommunityParameters"/> name: Leiden maximising modularity (Traag, Waltman
/// and van Eck, Sci. Rep. 9:5233, 2019; <see cref="Leiden"/>; <c>leiden@1</c>, the default) or Infomap minimising the
/// map equation (Rosvall and Bergstrom, PNAS 105(4), 2008; <see cref="Infomap"/>; <c>infomap@1</c>). Communities are
/// numbered 1, 2, … by size, descending, ties by the smallest account id in them. A scored member's rank orders the
/// community's scored members by raw score like the run's global rank (descending, ties by account id); its centrality
/// is its internal strength.</para>
/// <para>Determinism: nodes are relabelled by a seeded hash of their account id (SplitMix64 of (seed, id), ties by id),
/// so neither the store's id order nor the order rows were read in can bias the partition, and both methods draw every
/// random choice from streams derived from the seed. Leiden's refinement splits communities on up to <c>threads</c>
/// threads (each community with its own stream and its own slice of the workspace), and Infomap's trials run on up to
/// <c>threads</c> threads, each with its own streams, the winner chosen in trial order; the rest runs on one thread.
/// Same data, parameters and seed: the same partition, bit for bit, for any thread count (weights are summed in a fixed
/// order).</para>
/// <para>Complexity: O(n log n) for the relabelling plus Leiden's O(L·(n + m)) per iteration, or Infomap's
/// O(T·I·L·(n + m)) for T trials of I iterations; O(n + m) memory (per Infomap trial running at once).</para>
/// </remarks>
public static class CommunityDetection
{
    /// <summary>Finds the communities of <paramref name="computation"/>'s engagement graph.</summary>
    /// <exception cref="ArgumentException">The parameters name an unknown method or objective, or are out of range.</exception>
    /// <param name="computation">The run's scores and engagement graph.</param>
    /// <param name="parameters">The method and its parameters.</param>
    /// <param name="ct">Cancels the detection.</param>
    /// <param name="threads">How many Infomap trials, or Leiden's refinements of communities, may run at once (default: all
    /// cores); never changes the partition.</param>
    public static CommunityDraft Detect(ScoreComputation computation, CommunityParameters parameters, CancellationToken ct = default, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(computation);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        var g = computation.Graph;
        var n = g.NodeCount;
        var label = Relabel(g.AccountIds, parameters.Seed);
        var a = new int[g.PairCount];
        var b = new int[g.PairCount];
        for (var e = 0; e < g.PairCount; e++)
        {
            a[e] = label[g.Sources[e]];
            b[e] = label[g.Targets[e]];
        }

        var undirected = UndirectedGraph.FromEdges(n, a, b, g.EdgeWeights);
        var (membership, count, quality, iterations) = Partition(undirected, parameters, threads, ct);
        var raw = new int[n];
        for (var v = 0; v < n; v++)
        {
            raw[v] = membership[label[v]];
        }

        var community = Number(raw, count, g.AccountIds, out var sizes);
        var centrality = new double[n];
        for (var e = 0; e < g.PairCount; e++)
        {
            int s = g.Sources[e], t = g.Targets[e];
            if (community[s] == community[t])
            {
                centrality[s] += g.EdgeWeights[e];
                centrality[t] += g.EdgeWeights[e];
            }
        }

        var members = Standings(computation, community, centrality, sizes.Length, out var scored);
        var summaries = new CommunitySummary[sizes.Length];
        for (var c = 0; c < sizes.Length; c++)
        {
            summaries[c] = new CommunitySummary(c + 1, sizes[c], scored[c]);
        }

        return new CommunityDraft(summaries, members, quality, iterations, [.. community.Select(c => c + 1)]);
    }

    /// <summary>Runs the method the parameters name on the relabelled graph: membership, communities, the objective's value
    /// and the iterations (Leiden's; Infomap's trials).</summary>
    private static (int[] Membership, int Count, double Quality, int Iterations) Partition(UndirectedGraph graph, CommunityParameters parameters, int? threads, CancellationToken ct)
    {
        if (parameters.Method == CommunityParameters.InfomapMethod)
        {
            var infomap = Infomap.Run(graph, parameters.ToInfomapOptions(threads), ct);
            return (infomap.Membership, infomap.CommunityCount, infomap.Codelength, infomap.TrialCodelengths.Length);
        }

        var leiden = Leiden.Run(graph, parameters.ToLeidenOptions() with { DegreeOfParallelism = threads }, ct);
        return (leiden.Membership, leiden.CommunityCount, leiden.Quality, leiden.Iterations);
    }

    /// <summary>Node v's label in the relabelled graph: its position when nodes are sorted by (hash(seed, id), id).</summary>
    private static int[] Relabel(long[] accountIds, ulong seed)
    {
        var n = accountIds.Length;
        var keys = new (ulong Hash, long Id)[n];
        var order = new int[n];
        for (var v = 0; v < n; v++)
        {
            keys[v] = (SplitMix64.Derive(seed, (ulong)accountIds[v]), accountIds[v]);
            order[v] = v;
        }

        Array.Sort(keys, order);
        var label = new int[n];
        for (var i = 0; i < n; i++)
        {
            label[order[i]] = i;
        }

        return label;
    }

    /// <summary>Renumbers Leiden's communities 0.. by size (descending), ties by smallest account id; returns each node's
    /// 0-based community and the sizes.</summary>
    private static int[] Number(int[] raw, int count, long[] accountIds, out int[] sizes)
    {
        var size = new int[count];
        var smallest = new long[count];
        Array.Fill(smallest, long.MaxValue);
        for (var v = 0; v < raw.Length; v++)
        {
            size[raw[v]]++;
            smallest[raw[v]] = Math.Min(smallest[raw[v]], accountIds[v]);
        }

        var order = Enumerable.Range(0, count).Where(c => size[c] > 0).ToArray();
        Array.Sort(order, (x, y) =>
        {
            var r = size[y].CompareTo(size[x]);
            return r != 0 ? r : smallest[x].CompareTo(smallest[y]);
        });
        var id = new int[count];
        for (var i = 0; i < order.Length; i++)
        {
            id[order[i]] = i;
        }

        sizes = [.. order.Select(c => size[c])];
        var community = new int[raw.Length];
        for (var v = 0; v < raw.Length; v++)
        {
            community[v] = id[raw[v]];
        }

        return community;
    }

    /// <summary>Ranks the scored members of each community in the run's global order (raw descending, ties by account id).</summary>
    private static CommunityStanding[] Standings(ScoreComputation c, int[] community, double[] centrality, int count, out int[] scored)
    {
        var g = c.Graph;
        var nodes = Enumerable.Range(0, g.NodeCount).Where(v => c.Engaged[v]).ToArray();
        Array.Sort(nodes, (x, y) =>
        {
            var r = c.Raw[y].CompareTo(c.Raw[x]);
            return r != 0 ? r : g.AccountIds[x].CompareTo(g.AccountIds[y]);
        });
        scored = new int[count];
        var standings = new CommunityStanding[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            var v = nodes[i];
            var k = community[v];
            standings[i] = new CommunityStanding(g.AccountIds[v], k + 1, ++scored[k], centrality[v]);
        }

        return standings;
    }
}
