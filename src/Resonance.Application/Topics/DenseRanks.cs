namespace Resonance.Application.Topics;

/// <summary>Ids (store ids, any longs) as dense ranks 0..k−1 in ascending order, so that per-id state can live in flat
/// arrays instead of hash sets and dictionaries.</summary>
/// <remarks>O(n + range) with a table when the ids span a range no larger than a few times their count (store ids of one
/// database: the usual case), else O(n log n) by a sort and binary searches. Deterministic: ranks depend only on the ids.
/// <see cref="Distinct"/> also gives the engagement graph its account ids.</remarks>
internal static class DenseRanks
{
    /// <summary>The distinct ids of <paramref name="ids"/>, ascending, and each id's position among them
    /// (<see cref="AccountNodeLookup"/> over the distinct ids).</summary>
    public static (long[] Distinct, int[] RankOf) Of(ReadOnlySpan<long> ids)
    {
        if (ids.IsEmpty)
        {
            return ([], []);
        }

        var distinct = Distinct(ids);
        var lookup = new AccountNodeLookup(distinct);
        var ranks = GC.AllocateUninitializedArray<int>(ids.Length);
        for (var k = 0; k < ids.Length; k++)
        {
            ranks[k] = lookup.NodeOf(ids[k]);
        }

        return (distinct, ranks);
    }

    /// <summary>The distinct ids, ascending: marked in a table over their range when it is small, else sorted.</summary>
    public static long[] Distinct(ReadOnlySpan<long> ids)
    {
        if (ids.IsEmpty)
        {
            return [];
        }

        var (min, max) = (ids[0], ids[0]);
        foreach (var id in ids)
        {
            (min, max) = (Math.Min(min, id), Math.Max(max, id));
        }

        var range = (ulong)(max - min); // exact: the difference of two longs fits an unsigned long
        if (range < (ulong)Math.Min(Math.Max(4L * ids.Length, 1 << 16), Array.MaxLength))
        {
            var present = new bool[(int)range + 1];
            foreach (var id in ids)
            {
                present[id - min] = true;
            }

            var distinct = new List<long>();
            for (var t = 0; t < present.Length; t++)
            {
                if (present[t])
                {
                    distinct.Add(min + t);
                }
            }

            return [.. distinct];
        }

        var sorted = ids.ToArray();
        Array.Sort(sorted);
        var n = 0;
        for (var k = 0; k < sorted.Length; k++)
        {
            if (n == 0 || sorted[k] != sorted[n - 1])
            {
                sorted[n++] = sorted[k];
            }
        }

        return sorted[..n];
    }
}
