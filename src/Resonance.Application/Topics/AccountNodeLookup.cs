namespace Resonance.Application.Topics;

/// <summary>The position of an id among ascending distinct ids (a node of a graph's <c>AccountIds</c>, a rank of
/// <see cref="DenseRanks"/>): a direct table when the ids are dense (a store's row ids are), else a binary search.</summary>
/// <remarks>Complexity: O(n + span) to build the table when the ids span at most 4n + 1,024 values, then O(1) per lookup;
/// otherwise nothing to build and O(log n) per lookup. Deterministic: either way the node is the id's position in the
/// ascending ids, or −1 when it is not there.</remarks>
internal sealed class AccountNodeLookup
{
    private readonly long[] ids;
    private readonly int[]? table;
    private readonly ulong first;

    /// <summary>The lookup over <paramref name="sortedIds"/> (ascending, distinct; not copied).</summary>
    public AccountNodeLookup(long[] sortedIds)
    {
        ids = sortedIds;
        if (ids.Length == 0)
        {
            return;
        }

        first = (ulong)ids[0];
        // Unsigned differences: exact for any two longs with the later one not below the earlier.
        var span = (ulong)ids[^1] - first;
        if (span < ((ulong)ids.Length * 4) + 1024)
        {
            table = new int[span + 1];
            Array.Fill(table, -1);
            for (var v = 0; v < ids.Length; v++)
            {
                table[(ulong)ids[v] - first] = v;
            }
        }
    }

    /// <summary>The node of <paramref name="accountId"/>, or −1 when it is not a node.</summary>
    public int NodeOf(long accountId)
    {
        if (table is not null)
        {
            var at = (ulong)accountId - first;
            return at < (ulong)table.Length ? table[at] : -1;
        }

        return Array.BinarySearch(ids, accountId) is var v and >= 0 ? v : -1;
    }
}
