namespace Resonance.Application.Scoring;

/// <summary>
/// The engagement graph of one run: accounts as dense nodes and one aggregated edge per (engager, engaged) pair,
/// pointing from the actor to the target, so that influence flows to the target.
/// </summary>
/// <remarks>
/// <para>Only interactions inside the window count; untimed ones count as current (decay 1). Self-interactions and
/// interactions with a non-positive weight are dropped: acting on your own content is not a response to it, and a
/// negative rating is not influence. Each interaction's decay is <see cref="ScoringParameters.Decay"/>: 2^(−age /
/// half-life), optionally mixed with a faster exponential (resonance@3; in resonance@4 its half-life is fitted by <see cref="TempoFit"/>).</para>
/// <para>Per pair it keeps: the PageRank edge weight Σ kindWeight·weight·decay; the reach term, the largest decay of
/// the pair's interactions (each engager counts at most once); the amplification count Σ decay over reposts,
/// quotes and replies; and the engagement count Σ decay over all kinds.</para>
/// <para>resonance@2 (<see cref="ScoringParameters.IntegrityDefences"/>): follow-backs are dropped
/// (<see cref="IntegrityWeights.WithoutFollowBacks"/>); every pair's weight, reach term, amplifying and engagement counts
/// are multiplied by the engager's <see cref="IntegrityWeights"/> weight 1 − L′ (its likelihood without the pod signal)
/// and, when the pair is reciprocal, by 1 − the engager's pod score, and, when the engager is an audience-less newcomer,
/// by 1 − the target's newcomer cohort score; pairs of weight 0 are dropped.</para>
/// <para>Complexity: O(m log m) for m interactions (one sort). Determinism: nodes are the sorted distinct account
/// ids and interactions are sorted by (pair, time, kind, weight) before any sum, so the arrays are bit-identical
/// for the same set of rows in any input order.</para>
/// </remarks>
public sealed class EngagementGraph
{
    private EngagementGraph(long[] accountIds, int[] sources, int[] targets, double[] edgeWeights, double[] reach, double[] amplifying,
        double[] engagements, double[] posts, int interactionsUsed, double[]? engagerWeights = null, Integrity.InauthenticityModel? integrity = null, bool[]? reciprocal = null)
    {
        Reciprocal = reciprocal;
        EngagerWeights = engagerWeights;
        Integrity = integrity;
        AccountIds = accountIds;
        Sources = sources;
        Targets = targets;
        EdgeWeights = edgeWeights;
        ReachTerms = reach;
        AmplifyingCounts = amplifying;
        EngagementCounts = engagements;
        PostCounts = posts;
        InteractionsUsed = interactionsUsed;
    }

    /// <summary>Store account id of each node, ascending.</summary>
    public long[] AccountIds { get; }

    /// <summary>Engager node of each pair; pairs are sorted by (source, target).</summary>
    public int[] Sources { get; }

    /// <summary>Engaged node of each pair.</summary>
    public int[] Targets { get; }

    /// <summary>PageRank weight of each pair.</summary>
    public double[] EdgeWeights { get; }

    /// <summary>Reach term of each pair (largest decay, at most 1).</summary>
    public double[] ReachTerms { get; }

    /// <summary>Decay-weighted reposts, quotes and replies of each pair.</summary>
    public double[] AmplifyingCounts { get; }

    /// <summary>Decay-weighted interactions of each pair.</summary>
    public double[] EngagementCounts { get; }

    /// <summary>Decay-weighted posts each node authored in the window.</summary>
    public double[] PostCounts { get; }

    /// <summary>Interactions that passed the window and the filters.</summary>
    public int InteractionsUsed { get; }

    /// <summary>resonance@2: the weight each node's engagement was multiplied by (1 − its likelihood without the pod
    /// signal; reciprocal pairs also by 1 − its pod score), already applied to every pair array; null when the version has no integrity defences.</summary>
    public double[]? EngagerWeights { get; }

    /// <summary>resonance@2: whether each pair's reverse existed before pairs of weight 0 were dropped, so that an account
    /// whose own engagement counts nothing still has its reciprocal pairs discounted; null without defences.</summary>
    public bool[]? Reciprocal { get; }

    /// <summary>resonance@2: the model behind <see cref="EngagerWeights"/>, for reasons; null without defences.</summary>
    public Integrity.InauthenticityModel? Integrity { get; }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => AccountIds.Length;

    /// <summary>Number of pairs.</summary>
    public int PairCount => Sources.Length;

    /// <summary>Builds the graph of <paramref name="input"/> under <paramref name="p"/>.</summary>
    public static EngagementGraph Build(ScoringInput input, ScoringParameters p)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(p);
        var start = p.WindowStartMs;
        var kindWeight = new double[8];
        foreach (var kind in Domain.InteractionKinds.Weighted)
        {
            kindWeight[(int)kind] = p.KindWeight(kind);
        }

        var (kept, undone) = UndoneFollows.Split(input, Kept(input, p));
        if (p.IntegrityDefences)
        {
            kept = IntegrityWeights.WithoutFollowBacks(input, kept);
        }

        var ids = new long[kept.Count * 2];
        for (var j = 0; j < kept.Count; j++)
        {
            ids[2 * j] = input.ActorIds[kept[j]];
            ids[(2 * j) + 1] = input.TargetIds[kept[j]];
        }

        var accountIds = Topics.DenseRanks.Distinct(ids);
        var n = (long)accountIds.Length;
        var keys = new long[kept.Count];
        var order = new int[kept.Count];
        for (var j = 0; j < kept.Count; j++)
        {
            var i = kept[j];
            keys[j] = (Array.BinarySearch(accountIds, input.ActorIds[i]) * n) + Array.BinarySearch(accountIds, input.TargetIds[i]);
            order[j] = j;
        }

        // By pair key first (a primitive-key sort), then each run of one pair by (time, kind, weight); rows equal in all
        // four are interchangeable, so the order is a function of the set of rows.
        var sortedKeys = (long[])keys.Clone();
        Array.Sort(sortedKeys, order);
        var within = Comparer<int>.Create((a, b) =>
        {
            int ia = kept[a], ib = kept[b];
            var c = input.TimesMs[ia].CompareTo(input.TimesMs[ib]);
            c = c != 0 ? c : input.Kinds[ia].CompareTo(input.Kinds[ib]);
            return c != 0 ? c : input.Weights[ia].CompareTo(input.Weights[ib]);
        });
        for (var run = 0; run < order.Length;)
        {
            var end = run + 1;
            while (end < order.Length && sortedKeys[end] == sortedKeys[run])
            {
                end++;
            }

            if (end - run > 1)
            {
                Array.Sort(order, run, end - run, within);
            }

            run = end;
        }

        var sources = new List<int>();
        var targets = new List<int>();
        var weights = new List<double>();
        var reach = new List<double>();
        var amplifying = new List<double>();
        var engagements = new List<double>();
        var previous = -1L;
        foreach (var j in order)
        {
            var i = kept[j];
            var t = input.TimesMs[i];
            var decay = t == ScoringInput.Untimed ? 1.0 : p.Decay(p.AsOfMs - t);
            if (keys[j] != previous)
            {
                previous = keys[j];
                sources.Add((int)(keys[j] / n));
                targets.Add((int)(keys[j] % n));
                weights.Add(0);
                reach.Add(0);
                amplifying.Add(0);
                engagements.Add(0);
            }

            var last = sources.Count - 1;
            var kind = input.Kinds[i];
            weights[last] += kindWeight[(int)kind] * input.Weights[i] * decay;
            reach[last] = Math.Max(reach[last], decay);
            amplifying[last] += ScoringParameters.IsAmplifying(kind) ? decay : 0;
            engagements[last] += decay;
        }

        // Sorted before summing so that the sums do not depend on the order the store returned the posts in.
        var postKeys = new List<(int Node, long Time)>();
        for (var i = 0; i < input.PostAuthorIds.Length; i++)
        {
            var t = input.PostTimesMs[i];
            var node = Array.BinarySearch(accountIds, input.PostAuthorIds[i]);
            if (node >= 0 && t >= start && t <= p.AsOfMs)
            {
                postKeys.Add((node, t));
            }
        }

        postKeys.Sort();
        var posts = new double[accountIds.Length];
        foreach (var (node, t) in postKeys)
        {
            posts[node] += p.Decay(p.AsOfMs - t);
        }

        if (!p.IntegrityDefences)
        {
            return new EngagementGraph(accountIds, [.. sources], [.. targets], [.. weights], [.. reach], [.. amplifying], [.. engagements], posts, kept.Count);
        }

        // Pairs of an engager with weight 0 are dropped, so no zero-weight edge reaches PageRank.
        var (model, engager, pod, audienceless, cohort) = IntegrityWeights.Compute(input, undone.Count == 0 ? kept : [.. kept, .. undone], accountIds, p);
        var pairKeys = Enumerable.Range(0, sources.Count).Select(e => (sources[e] * n) + targets[e]).ToArray();
        var reciprocal = Enumerable.Range(0, sources.Count).Select(e => Array.BinarySearch(pairKeys, (targets[e] * n) + sources[e]) >= 0).ToArray();
        var pairWeight = Enumerable.Range(0, sources.Count).Select(e => IntegrityWeights.PairWeight(engager[sources[e]], reciprocal[e] ? pod[sources[e]] : 0,
            audienceless[sources[e]] ? cohort[targets[e]] : 0)).ToArray();
        var live = Enumerable.Range(0, sources.Count).Where(e => pairWeight[e] > 0).ToArray();
        return new EngagementGraph(accountIds, [.. live.Select(e => sources[e])], [.. live.Select(e => targets[e])],
            [.. live.Select(e => weights[e] * pairWeight[e])], [.. live.Select(e => reach[e] * pairWeight[e])],
            [.. live.Select(e => amplifying[e] * pairWeight[e])], [.. live.Select(e => engagements[e] * pairWeight[e])],
            posts, kept.Count, engager, model, [.. live.Select(e => reciprocal[e])]);
    }

    /// <summary>resonance@5: one graph from graphs of the same rows built with different decays (same nodes and pairs),
    /// each node's posts and each pair's arrays taken from the graph of the pair's engaged node
    /// (<paramref name="graphOf"/>), so that everything that makes up a node's raw score comes from one decay.</summary>
    internal static EngagementGraph Compose(IReadOnlyList<EngagementGraph> graphs, int[] graphOf)
    {
        var g0 = graphs[0];
        if (graphs.Any(g => g.PairCount != g0.PairCount || g.NodeCount != g0.NodeCount || g.EngagerWeights is not null))
        {
            throw new ArgumentException("graphs to compose must have the same nodes and pairs and no integrity weights.");
        }

        var m = g0.PairCount;
        double[] weights = new double[m], reach = new double[m], amplifying = new double[m], engagements = new double[m];
        for (var e = 0; e < m; e++)
        {
            var g = graphs[graphOf[g0.Targets[e]]];
            weights[e] = g.EdgeWeights[e];
            reach[e] = g.ReachTerms[e];
            amplifying[e] = g.AmplifyingCounts[e];
            engagements[e] = g.EngagementCounts[e];
        }

        var posts = new double[g0.NodeCount];
        for (var v = 0; v < posts.Length; v++)
        {
            posts[v] = graphs[graphOf[v]].PostCounts[v];
        }

        return new EngagementGraph(g0.AccountIds, g0.Sources, g0.Targets, weights, reach, amplifying, engagements, posts, g0.InteractionsUsed);
    }

    /// <summary>The indices of the interactions a run uses before any defence: inside the window (or untimed), not
    /// self-interactions, with a positive weight; ascending. Unfollows are among them: <see cref="Build"/> then drops them
    /// with the follows they undo (<see cref="UndoneFollows"/>) and hands both to the integrity log only.</summary>
    public static List<int> Kept(ScoringInput input, ScoringParameters p)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(p);
        var kept = new List<int>(input.InteractionCount);
        for (var i = 0; i < input.InteractionCount; i++)
        {
            var t = input.TimesMs[i];
            var inWindow = t == ScoringInput.Untimed || (t >= p.WindowStartMs && t <= p.AsOfMs);
            if (inWindow && input.ActorIds[i] != input.TargetIds[i] && input.Weights[i] > 0)
            {
                kept.Add(i);
            }
        }

        return kept;
    }
}
