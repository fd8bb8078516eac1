namespace Resonance.Engine.Community;

/// <summary>Turns arbitrary integer community labels into dense ids <c>0..k-1</c>.</summary>
internal static class PartitionLabels
{
    /// <summary>Returns dense ids numbered in order of first appearance (so the community of node 0 is 0, and so on).</summary>
    /// <param name="labels">One label per node; any integers.</param>
    /// <param name="count">The number of distinct labels, k.</param>
    public static int[] Compact(ReadOnlySpan<int> labels, out int count)
    {
        var dense = new int[labels.Length];
        count = 0;
        var n = labels.Length;
        var inRange = true;
        for (var i = 0; i < n && inRange; i++)
        {
            inRange = (uint)labels[i] < (uint)n;
        }

        if (inRange)
        {
            // Labels already index an n-array: one pass with an array map, no hashing.
            var map = new int[n];
            Array.Fill(map, -1);
            for (var i = 0; i < n; i++)
            {
                ref var id = ref map[labels[i]];
                if (id < 0)
                {
                    id = count++;
                }

                dense[i] = id;
            }

            return dense;
        }

        var ids = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            if (!ids.TryGetValue(labels[i], out var id))
            {
                id = count++;
                ids.Add(labels[i], id);
            }

            dense[i] = id;
        }

        return dense;
    }

    /// <summary>Throws unless there is one label per node.</summary>
    public static void RequireLength(ReadOnlySpan<int> membership, int nodeCount, string name)
    {
        if (membership.Length != nodeCount)
        {
            throw new ArgumentException($"The membership has {membership.Length} entries but the graph has {nodeCount} nodes.", name);
        }
    }
}
