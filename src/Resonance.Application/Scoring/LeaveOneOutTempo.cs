using System.Runtime.InteropServices;

namespace Resonance.Application.Scoring;

/// <summary>
/// The audience half-time τ of <see cref="TempoFit"/> and, for every account A, the leave-one-out τ₋A: the same
/// statistic with all of A's own outgoing interactions removed (resonance@5). A's extra actions therefore cannot
/// move the τ that A is scored with.
/// </summary>
/// <remarks>
/// <para>Method. For every engaged account v, t_v,0 ≤ … ≤ t_v,m−1 are the times its m distinct engagers first engaged
/// it (the rows <see cref="TempoFit.AudienceHalfTimeMs"/> keeps); v's half-time is h_v = t_v,⌈m/2⌉−1 − t_v,0 when m ≥ the
/// minimum, and τ is the ⌈n/2⌉-th smallest of the n half-times H. Removing A's actions removes A's first time t_A from
/// the list of every v that A engaged, so h_v becomes h′_v, computed in O(1) from the sorted list with one element
/// skipped (or v leaves the fit when m − 1 falls below the minimum). τ₋A is then the ⌈n′/2⌉-th smallest element of
/// the multiset H − {h_v} + {h′_v}: the smallest value x among H and the h′_v with
/// count(x) = #{H ≤ x} − #{removed ≤ x} + #{added ≤ x} ≥ ⌈n′/2⌉, found by binary search (count only steps at elements
/// of the new multiset, so the smallest such x is one of them). A's own received engagement stays in, as it does in τ.</para>
/// <para>Complexity: O(m log m) time and O(m) memory for m interactions: one sort, then O(k log n) per account that
/// engaged k accounts of the fit, Σk ≤ the number of pairs. Determinism: integer arithmetic on the sorted rows, medians
/// pick elements, so the result is a function of the set of rows, in any order and for any thread count.</para>
/// </remarks>
public static class LeaveOneOutTempo
{
    /// <summary>τ over everyone, and τ₋A for every account A whose removal changes the multiset of half-times (every
    /// other account's τ₋A is <see cref="TempoFitResult.HalfTimeMs"/>).</summary>
    public static TempoFitResult Fit(ScoringInput input, long startMs, long asOfMs, int minEngagers)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(minEngagers, 2);
        var rows = TempoFit.TimedRows(input, startMs, asOfMs);
        var halfTimes = new List<long>();
        var changes = new List<(long Actor, long Removed, long Added)>(); // Added = -1: the account leaves the fit
        var engagers = new List<(long Time, long Actor)>();
        var times = new List<long>();
        for (var j = 0; j < rows.Count; j++)
        {
            if (j == 0 || rows[j].Target != rows[j - 1].Target || rows[j].Actor != rows[j - 1].Actor)
            {
                engagers.Add((rows[j].Time, rows[j].Actor)); // rows are sorted by time within a pair: the first time
            }

            if (j < rows.Count - 1 && rows[j + 1].Target == rows[j].Target)
            {
                continue;
            }

            var m = engagers.Count;
            if (m >= minEngagers)
            {
                engagers.Sort();
                times.Clear();
                times.AddRange(engagers.Select(e => e.Time));
                var h = HalfTime(times, skip: -1);
                halfTimes.Add(h);
                for (var i = 0; i < m; i++)
                {
                    changes.Add((engagers[i].Actor, h, m - 1 >= minEngagers ? HalfTime(times, skip: i) : -1));
                }
            }

            engagers.Clear();
        }

        if (halfTimes.Count == 0)
        {
            return new TempoFitResult(0, 0, new Dictionary<long, (long, int)>());
        }

        var all = halfTimes.ToArray();
        Array.Sort(all);
        var median = all[((all.Length + 1) / 2) - 1];
        changes.Sort();
        var without = new Dictionary<long, (long, int)>();
        var removed = new List<long>();
        var added = new List<long>();
        for (var s = 0; s < changes.Count;)
        {
            var actor = changes[s].Actor;
            removed.Clear();
            added.Clear();
            for (; s < changes.Count && changes[s].Actor == actor; s++)
            {
                removed.Add(changes[s].Removed);
                if (changes[s].Added >= 0)
                {
                    added.Add(changes[s].Added);
                }
            }

            removed.Sort();
            added.Sort();
            var n = all.Length - removed.Count + added.Count;
            without[actor] = n == 0 ? (0, 0) : (KthSmallest(all, removed, added, (n + 1) / 2), n);
        }

        return new TempoFitResult(median, all.Length, without);
    }

    /// <summary>t_⌈m/2⌉−1 − t_0 of the sorted <paramref name="times"/> with the element at <paramref name="skip"/> left out
    /// (−1: none left out).</summary>
    private static long HalfTime(List<long> times, int skip)
    {
        var m = skip < 0 ? times.Count : times.Count - 1;
        long At(int k) => skip >= 0 && k >= skip ? times[k + 1] : times[k];
        return At(((m + 1) / 2) - 1) - At(0);
    }

    /// <summary>The <paramref name="rank"/>-th smallest (1-based) element of all − removed + added; removed is a
    /// sub-multiset of all; all three are sorted.</summary>
    private static long KthSmallest(long[] all, List<long> removed, List<long> added, int rank)
    {
        ReadOnlySpan<long> r = CollectionsMarshal.AsSpan(removed), a = CollectionsMarshal.AsSpan(added);
        var i = FirstReaching(all, all, r, a, rank);
        var j = FirstReaching(a, all, r, a, rank);
        var best = i < all.Length ? all[i] : long.MaxValue;
        return j < a.Length ? Math.Min(best, a[j]) : best;
    }

    /// <summary>The smallest index of the sorted <paramref name="values"/> whose count in all − removed + added
    /// (non-decreasing) reaches <paramref name="rank"/>, or the length when none does.</summary>
    private static int FirstReaching(ReadOnlySpan<long> values, ReadOnlySpan<long> all, ReadOnlySpan<long> removed, ReadOnlySpan<long> added, int rank)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var x = values[mid];
            if ((long)UpperBound(all, x) - UpperBound(removed, x) + UpperBound(added, x) >= rank)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static int UpperBound(ReadOnlySpan<long> sorted, long x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}

/// <summary>The audience half-time over everyone and without each account's own actions.</summary>
/// <param name="HalfTimeMs">τ in milliseconds (0 when no account qualifies).</param>
/// <param name="Accounts">The accounts behind τ (0 when none qualifies).</param>
/// <param name="Without">τ₋A and its accounts, for every account A that engaged an account of the fit; every other
/// account's τ₋A is τ.</param>
public sealed record TempoFitResult(long HalfTimeMs, int Accounts, IReadOnlyDictionary<long, (long HalfTimeMs, int Accounts)> Without)
{
    /// <summary>τ₋A and its accounts for <paramref name="accountId"/>.</summary>
    public (long HalfTimeMs, int Accounts) For(long accountId) =>
        Without.TryGetValue(accountId, out var w) ? w : (HalfTimeMs, Accounts);
}
