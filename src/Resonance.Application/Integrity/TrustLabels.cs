using Resonance.Engine.Statistics;

namespace Resonance.Application.Integrity;

/// <summary>The users of a signed-rating network on dense ids, with the "untrusted" ground truth and rater counts.</summary>
/// <remarks>
/// A user is <em>evaluated</em> when at least one other user rated them, and <em>untrusted</em> when the ratings
/// others gave them sum to less than zero (net negatively rated). Self-ratings are ignored everywhere ("by others").
/// Dense ids follow ascending external id, so ties broken by dense id are broken by external id.
/// </remarks>
public sealed class TrustLabels
{
    private readonly long[] _userIds;

    private TrustLabels(long[] userIds, bool[] evaluated, bool[] untrusted, int[] raters, int[] positiveRaters)
    {
        _userIds = userIds;
        UserIds = userIds;
        Evaluated = evaluated;
        Untrusted = untrusted;
        Raters = raters;
        PositiveRaters = positiveRaters;
    }

    /// <summary>Gets every user that rated or was rated, in ascending external id; the index is the dense node id.</summary>
    public IReadOnlyList<long> UserIds { get; }

    /// <summary>Gets, per node, whether another user rated it.</summary>
    public IReadOnlyList<bool> Evaluated { get; }

    /// <summary>Gets, per node, whether the ratings it received from others sum to less than zero.</summary>
    public IReadOnlyList<bool> Untrusted { get; }

    /// <summary>Gets, per node, the number of distinct other users who rated it (its raw in-degree).</summary>
    public IReadOnlyList<int> Raters { get; }

    /// <summary>Gets, per node, the number of distinct other users who gave it at least one positive rating.</summary>
    public IReadOnlyList<int> PositiveRaters { get; }

    /// <summary>Gets the number of users.</summary>
    public int Count => UserIds.Count;

    /// <summary>Labels the users of <paramref name="ratings"/>.</summary>
    /// <param name="ratings">The ratings; every rating must be finite.</param>
    /// <returns>The labels.</returns>
    /// <exception cref="ArgumentException">A rating is NaN or infinite.</exception>
    public static TrustLabels From(IReadOnlyList<SignedRating> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var ids = new long[2 * ratings.Count];
        for (var i = 0; i < ratings.Count; i++)
        {
            if (!double.IsFinite(ratings[i].Rating))
            {
                var r = ratings[i];
                throw new ArgumentException($"Rating {i} ({r.Source} → {r.Target}) is {r.Rating}; ratings must be finite.", nameof(ratings));
            }

            ids[2 * i] = ratings[i].Source;
            ids[(2 * i) + 1] = ratings[i].Target;
        }

        var userIds = ids.Distinct().Order().ToArray();
        var n = userIds.Length;
        var received = new double[n];
        var evaluated = new bool[n];
        var raters = new HashSet<(int, int)>();
        var positive = new HashSet<(int, int)>();
        var raterCount = new int[n];
        var positiveCount = new int[n];
        foreach (var r in ratings)
        {
            if (r.Source == r.Target)
            {
                continue;
            }

            var s = Array.BinarySearch(userIds, r.Source);
            var t = Array.BinarySearch(userIds, r.Target);
            received[t] += r.Rating;
            evaluated[t] = true;
            raterCount[t] += raters.Add((s, t)) ? 1 : 0;
            positiveCount[t] += r.Rating > 0 && positive.Add((s, t)) ? 1 : 0;
        }

        var untrusted = new bool[n];
        for (var v = 0; v < n; v++)
        {
            untrusted[v] = received[v] < 0;
        }

        return new TrustLabels(userIds, evaluated, untrusted, raterCount, positiveCount);
    }

    /// <summary>Returns the dense id of external user <paramref name="userId"/>, or a negative number when absent.</summary>
    public int NodeOf(long userId) => Array.BinarySearch(_userIds, userId);

    /// <summary>Returns the <paramref name="k"/> users with the most distinct positive raters (the trusted seeds), most
    /// first, ties by lower external id; fewer when there are fewer users.</summary>
    /// <param name="k">How many seeds; non-negative.</param>
    /// <returns>Dense node ids.</returns>
    public int[] TopByPositiveRaters(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var counts = new double[Count];
        for (var v = 0; v < counts.Length; v++)
        {
            counts[v] = PositiveRaters[v];
        }

        return TopOverlap.TopIndices(counts, Math.Min(k, Count));
    }

    /// <summary>Returns the ROC AUC of <paramref name="scores"/> over the evaluated users, "trusted or unknown" being the
    /// positive class: 1 means every untrusted user scores below every other evaluated user, 0.5 no separation.</summary>
    /// <param name="scores">One score per node; no NaN.</param>
    /// <returns>The AUC, or NaN when either class is empty.</returns>
    /// <exception cref="ArgumentException"><paramref name="scores"/> does not have one entry per user.</exception>
    public double Auc(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != Count)
        {
            throw new ArgumentException($"There are {Count} users but {scores.Count} scores.", nameof(scores));
        }

        var kept = new List<double>();
        var trusted = new List<bool>();
        for (var v = 0; v < Count; v++)
        {
            if (Evaluated[v])
            {
                kept.Add(scores[v]);
                trusted.Add(!Untrusted[v]);
            }
        }

        return RocAuc.Compute(kept.ToArray(), trusted.ToArray());
    }
}
