using System.Globalization;
using Resonance.Application.Integrity;
using Resonance.Application.Integrity.Signals;
using Resonance.Domain;

namespace Resonance.Application.Scoring;

/// <summary>The engager weights of resonance@2: each account's engagement counts 1 − L, with L its inauthenticity
/// likelihood (<see cref="InauthenticityModel"/>) computed on the run's own window.</summary>
/// <remarks>
/// <para>The likelihood is computed from the interactions the engagement graph keeps (window, no self-interactions,
/// positive weight), plus the window's unfollows and the follows they undo (behaviour, though not engagement), and the window's posts, with their originality and text when the input carries them
/// (<see cref="ScoringInput.Texts"/>, loaded for resonance@2 runs and audits; without them near-duplicate text reads 0).
/// A flagged bot or farm account (L near 1) adds almost nothing, follows included; a pod member's engagement is cut by
/// its pod score and then by the reciprocal discount; an account no trust reaches keeps at most 0.7; an audience-less
/// newcomer's engagement with an account whose audience is an anomalous newcomer cohort is cut by that account's cohort
/// score.</para>
/// <para>Complexity: that of the signals and the trust walk, O(m log m). Determinism: the log is built from the sorted
/// set of rows, so the weights do not depend on input order.</para>
/// </remarks>
public static class IntegrityWeights
{
    /// <summary>How long after being followed a follow back counts as a follow-back (and counts nothing in resonance@2).</summary>
    public const long FollowBackLagMs = 86_400_000;

    /// <summary>The model; per node the weight of its engagement outside any pod, 1 − L′ with L′ the likelihood without
    /// the pod signal; per node the pod score, which further multiplies its reciprocal pairs by 1 − pod; and per node
    /// whether it is an audience-less newcomer and its audience's newcomer cohort score: a pair u → v from an audience-less
    /// newcomer u is further multiplied by 1 − cohort(v) (<see cref="NewcomerCohortSignal"/>).</summary>
    public static (InauthenticityModel Model, double[] Weights, double[] Pod, bool[] Audienceless, double[] Cohort) Compute(ScoringInput input,
        IReadOnlyList<int> kept, long[] accountIds, ScoringParameters p)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(p);
        var model = InauthenticityModel.Evaluate(Log(input, kept, accountIds, p));
        var weights = new double[accountIds.Length];
        var pod = new double[accountIds.Length];
        var audienceless = new bool[accountIds.Length];
        var cohort = new double[accountIds.Length];
        var podSignal = model.Signals.Single(r => r.Name == "pod").Scores;
        for (var v = 0; v < accountIds.Length; v++)
        {
            var a = Array.BinarySearch(model.Log.AccountIds, Id(accountIds[v]), StringComparer.Ordinal);
            var clean = 1 - (InauthenticityModel.TrustWeight * model.LowTrust[a]);
            foreach (var r in model.Signals)
            {
                clean *= r.Name == "pod" ? 1 : 1 - r.Scores[a];
            }
            weights[v] = clean;
            pod[v] = podSignal[a];
            audienceless[v] = model.Cohort.Audienceless[a];
            cohort[v] = model.Cohort.Scores[a];
        }
        return (model, weights, pod, audienceless, cohort);
    }

    /// <summary>A pair's weight: the engager's weight 1 − L′, times 1 − <paramref name="pod"/> (the engager's pod score when
    /// the pair is reciprocal, else 0), times 1 − <paramref name="cohort"/> (the target's cohort score when the engager is an
    /// audience-less newcomer, else 0), multiplied in that order so that every replay gives the same bits.</summary>
    public static double PairWeight(double engager, double pod, double cohort) => engager * (1 - pod) * (1 - cohort);

    /// <summary>The kept interactions without follow-backs: a follow u → v made within <see cref="FollowBackLagMs"/> after
    /// v followed u. A follow-back answers a follow; it is not a judgement of v's content, and farms live on it.</summary>
    public static List<int> WithoutFollowBacks(ScoringInput input, List<int> kept)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(kept);
        var first = new Dictionary<(long, long), long>();
        foreach (var i in kept)
        {
            if (input.Kinds[i] == InteractionKind.Follow && input.TimesMs[i] != ScoringInput.Untimed)
            {
                var key = (input.ActorIds[i], input.TargetIds[i]);
                first[key] = first.TryGetValue(key, out var t) ? Math.Min(t, input.TimesMs[i]) : input.TimesMs[i];
            }
        }
        return [.. kept.Where(i => !(input.Kinds[i] == InteractionKind.Follow && input.TimesMs[i] != ScoringInput.Untimed
            && first.TryGetValue((input.TargetIds[i], input.ActorIds[i]), out var earlier)
            && earlier < input.TimesMs[i] && input.TimesMs[i] - earlier <= FollowBackLagMs))];
    }

    /// <summary>The activity log of <paramref name="kept"/> interactions and the window's posts, with the store ids in
    /// <paramref name="accountIds"/> as accounts, each written by <see cref="Id"/>. The posts are those of
    /// <see cref="ScoringInput.Texts"/> with their originality and text when loaded; otherwise the input's posts, each
    /// counted as an original without text (the near-duplicate signal then reads 0).</summary>
    /// <remarks>Built straight from the input's arrays: the same log as <see cref="ActivityLog.Build"/> on the equivalent
    /// records (posts named by their index in the input), in O(m + a log a + p log p) expected time (one hash look-up
    /// per row) without a record or a string per row.</remarks>
    public static ActivityLog Log(ScoringInput input, IReadOnlyList<int> kept, IEnumerable<long> accountIds, ScoringParameters p)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(p);
        // With texts loaded, the posts (and their originality and text) are the text query's; otherwise the input's own,
        // every one an original without text.
        var texts = input.Texts;
        var (postAuthorIds, postTimes) = texts is null ? (input.PostAuthorIds, input.PostTimesMs) : (texts.AuthorIds, texts.CreatedMs);
        var posts = new List<int>();
        for (var k = 0; k < postAuthorIds.Length; k++)
        {
            if (postTimes[k] >= p.WindowStartMs && postTimes[k] <= p.AsOfMs)
            {
                posts.Add(k);
            }
        }

        // Dense provisional indices in order of first sight (a hash look-up per row is far cheaper than a binary search).
        var provisional = new Dictionary<long, int>();
        var distinct = new List<long>();
        int See(long id)
        {
            if (!provisional.TryGetValue(id, out var k))
            {
                provisional[id] = k = distinct.Count;
                distinct.Add(id);
            }

            return k;
        }

        foreach (var id in accountIds)
        {
            See(id);
        }

        var m = kept.Count;
        int[] actors = new int[m], targets = new int[m];
        var kinds = new InteractionKind[m];
        var times = new long[m];
        for (var j = 0; j < m; j++)
        {
            var i = kept[j];
            (actors[j], targets[j], kinds[j], times[j]) = (See(input.ActorIds[i]), See(input.TargetIds[i]), input.Kinds[i], input.TimesMs[i]);
        }

        var postAuthors = posts.Select(k => See(postAuthorIds[k])).ToArray();

        // The log orders accounts by their string ids (ordinal), as it does for imported records.
        var ids = distinct.ToArray();
        var byName = OrdinalOrder(ids);
        var names = byName.Select(k => Id(ids[k])).ToArray();
        var rank = new int[byName.Length];
        for (var r = 0; r < byName.Length; r++)
        {
            rank[byName[r]] = r;
        }

        for (var j = 0; j < m; j++)
        {
            (actors[j], targets[j]) = (rank[actors[j]], rank[targets[j]]);
        }

        // Posts in the ordinal order of their names (their index in the input).
        var postOrder = OrdinalOrder([.. posts.Select(k => (long)k)]);
        return ActivityLog.FromArrays(names, actors, targets, kinds, times, [.. postOrder.Select(q => rank[postAuthors[q]])],
            [.. postOrder.Select(q => postTimes[posts[q]])], [.. postOrder.Select(q => texts?.Texts[posts[q]])],
            [.. postOrder.Select(q => texts?.IsOriginal[posts[q]] ?? true)]);
    }

    /// <summary>The positions of <paramref name="ids"/> (distinct) in the ordinal order of their decimal strings, without
    /// making the strings: for non-negative ids, "a" &lt; "b" exactly when a·10^(19 − digits(a)) &lt; b·10^(19 − digits(b)), or
    /// the two are equal and a has fewer digits (a prefix sorts first). Negative ids fall back to sorting the strings.</summary>
    public static int[] OrdinalOrder(long[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var order = Enumerable.Range(0, ids.Length).ToArray();
        if (ids.Any(id => id < 0))
        {
            Array.Sort(ids.Select(Id).ToArray(), order, StringComparer.Ordinal);
            return order;
        }

        var keys = new (ulong Scaled, int Digits)[ids.Length];
        for (var k = 0; k < ids.Length; k++)
        {
            var digits = 1;
            while (digits < 19 && (ulong)ids[k] >= Pow10[digits])
            {
                digits++;
            }

            keys[k] = ((ulong)ids[k] * Pow10[19 - digits], digits);
        }

        Array.Sort(keys, order);
        return order;
    }

    private static readonly ulong[] Pow10 = [.. Enumerable.Range(0, 19).Select(e => Enumerable.Repeat(10UL, e).Aggregate(1UL, (a, b) => a * b))];

    /// <summary>The string form of a store id used in the model's log.</summary>
    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
