using System.Globalization;
using Resonance.Application.Integrity;
using Resonance.Application.Integrity.Signals;
using Resonance.Domain;

namespace Resonance.Application.Scoring;

/// <summary>The engager weights of resonance@2: each account's engagement counts 1 − L, with L its inauthenticity
/// likelihood (<see cref="InauthenticityModel"/>) computed on the run's own window.</summary>
/// <remarks>
/// <para>The likelihood is computed from the interactions the engagement graph keeps (window, no self-interactions,
/// positive weight) and the window's posts (without text, so the near-duplicate signal is silent in scoring runs).
/// A flagged bot or farm account (L near 1) adds almost nothing, follows included; a pod member's engagement is cut by
/// its pod score and then by the reciprocal discount; an account no trust reaches keeps at most 0.7.</para>
/// <para>Complexity: that of the signals and the trust walk, O(m log m). Determinism: the log is built from the sorted
/// set of rows, so the weights do not depend on input order.</para>
/// </remarks>
public static class IntegrityWeights
{
    /// <summary>How long after being followed a follow back counts as a follow-back (and counts nothing in resonance@2).</summary>
    public const long FollowBackLagMs = 86_400_000;

    /// <summary>The model; per node the weight of its engagement outside any pod, 1 − L′ with L′ the likelihood without
    /// the pod signal; and per node the pod score, which further multiplies its reciprocal pairs by 1 − pod.</summary>
    public static (InauthenticityModel Model, double[] Weights, double[] Pod) Compute(ScoringInput input, IReadOnlyList<int> kept, long[] accountIds, ScoringParameters p)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(p);
        var model = InauthenticityModel.Evaluate(Log(input, kept, accountIds, p));
        var weights = new double[accountIds.Length];
        var pod = new double[accountIds.Length];
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
        }
        return (model, weights, pod);
    }

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

    /// <summary>The activity log of <paramref name="kept"/> interactions and the window's posts (no text), with the
    /// store ids in <paramref name="accountIds"/> as accounts, each written by <see cref="Id"/>.</summary>
    public static ActivityLog Log(ScoringInput input, IReadOnlyList<int> kept, IEnumerable<long> accountIds, ScoringParameters p)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(p);
        var interactions = new List<Interaction>(kept.Count);
        foreach (var i in kept)
        {
            var t = input.TimesMs[i];
            interactions.Add(new Interaction("", t == ScoringInput.Untimed ? null : DateTimeOffset.FromUnixTimeMilliseconds(t),
                Id(input.ActorIds[i]), Id(input.TargetIds[i]), input.Kinds[i]));
        }
        var posts = new List<Post>();
        for (var k = 0; k < input.PostAuthorIds.Length; k++)
        {
            var t = input.PostTimesMs[k];
            if (t >= p.WindowStartMs && t <= p.AsOfMs)
            {
                posts.Add(new Post("", k.ToString(CultureInfo.InvariantCulture), Id(input.PostAuthorIds[k]), DateTimeOffset.FromUnixTimeMilliseconds(t)));
            }
        }
        return ActivityLog.Build(accountIds.Select(Id), posts, interactions);
    }

    /// <summary>The string form of a store id used in the model's log.</summary>
    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
