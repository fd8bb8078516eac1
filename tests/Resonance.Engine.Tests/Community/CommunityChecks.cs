using Resonance.Engine.Community;

namespace Resonance.Engine.Tests.Community;

/// <summary>Independent checks of a partition: connectivity of every community, and label canonical form.</summary>
public static class CommunityChecks
{
    /// <summary>Runs Leiden with the test's cancellation token.</summary>
    public static LeidenResult RunLeiden(UndirectedGraph graph, LeidenOptions options) =>
        Leiden.Run(graph, options, TestContext.Current.CancellationToken);

    /// <summary>Returns the communities whose nodes are not all reachable from each other inside the community (by BFS
    /// over edges of positive weight whose two ends share the community).</summary>
    public static List<int> DisconnectedCommunities(UndirectedGraph graph, int[] membership)
    {
        var n = graph.NodeCount;
        var seen = new bool[n];
        var componentsPerCommunity = new Dictionary<int, int>();
        var queue = new Queue<int>();
        for (var s = 0; s < n; s++)
        {
            if (seen[s])
            {
                continue;
            }

            componentsPerCommunity[membership[s]] = componentsPerCommunity.GetValueOrDefault(membership[s]) + 1;
            seen[s] = true;
            queue.Enqueue(s);
            while (queue.Count > 0)
            {
                var v = queue.Dequeue();
                var neighbors = graph.Neighbors(v);
                var weights = graph.Weights(v);
                for (var i = 0; i < neighbors.Length; i++)
                {
                    var u = neighbors[i];
                    if (!seen[u] && weights[i] > 0 && membership[u] == membership[s])
                    {
                        seen[u] = true;
                        queue.Enqueue(u);
                    }
                }
            }
        }

        return componentsPerCommunity.Where(p => p.Value > 1).Select(p => p.Key).ToList();
    }

    /// <summary>True when labels are 0..k-1 numbered by smallest member: each new label seen in node order is the next integer.</summary>
    public static bool IsNumberedBySmallestMember(int[] membership)
    {
        var next = 0;
        foreach (var c in membership)
        {
            if (c == next)
            {
                next++;
            }
            else if (c > next || c < 0)
            {
                return false;
            }
        }

        return true;
    }
}
