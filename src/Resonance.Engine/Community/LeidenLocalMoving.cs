using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Resonance.Engine.Randomness;

namespace Resonance.Engine.Community;

/// <summary>Leiden's fast local moving phase (Traag et al. 2019, Algorithm A.2, <c>MoveNodesFast</c>).</summary>
/// <remarks>
/// <para>Method: all nodes enter a FIFO queue in a random order. A node taken from the queue leaves its community and
/// joins the one with the largest gain <c>w(v, C) − γ'·n_v·N_C</c> among its own, its neighbours' and an empty community
/// (ties keep the earlier candidate, and its own community comes first, so a node moves only on a strict gain). When it
/// moves, its neighbours outside its new community that are not queued are queued again. The phase ends when the queue
/// is empty, so every node is then locally optimal.</para>
/// <para>Why a queue: after the first sweep only nodes whose neighbourhood changed are revisited, which is what makes
/// Leiden's local moving several times faster than Louvain's repeated full sweeps.</para>
/// <para>Complexity: O(n + m) per sweep-equivalent of visits; O(1) extra memory beyond the workspace.</para>
/// <para>Determinism: sequential; the order depends only on the generator, and ties are broken by candidate order.
/// With integer edge and node weights every sum is exact in <see cref="double"/>, so no rounding drift accumulates.</para>
/// </remarks>
internal static class LeidenLocalMoving
{
    /// <summary>Moves nodes of <paramref name="graph"/> between the communities in <paramref name="membership"/>
    /// (values in [0, n)) until none gains by moving, then renumbers them densely by first appearance.</summary>
    /// <returns>The number of communities.</returns>
    public static int Run(LeidenLevelGraph graph, int[] membership, double gamma, ref Xoshiro256StarStar rng, LeidenWorkspace ws)
    {
        var n = graph.NodeCount;
        var offsets = graph.Offsets;
        var neighbors = graph.Neighbors;
        var weights = graph.Weights;
        var nodeWeights = graph.NodeWeights;
        var clusterWeight = ws.ClusterWeight;
        var clusterSize = ws.ClusterSize;
        var empty = ws.EmptyClusters;
        var edgeTo = ws.EdgeWeightTo;
        var touched = ws.Touched;
        var candidates = ws.Candidates;
        var queue = ws.Queue;
        var queued = ws.Queued;

        Array.Clear(clusterWeight, 0, n);
        Array.Clear(clusterSize, 0, n);
        for (var v = 0; v < n; v++)
        {
            clusterWeight[membership[v]] += nodeWeights[v];
            clusterSize[membership[v]]++;
        }

        var emptyCount = 0;
        for (var c = n - 1; c >= 0; c--)
        {
            if (clusterSize[c] == 0)
            {
                empty[emptyCount++] = c; // the smallest empty id ends on top
            }
        }

        FillQueue(queue, queued, n, ref rng);
        int head = 0, pending = n;
        while (pending > 0)
        {
            var v = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            pending--;
            queued[v] = false;

            var current = membership[v];
            var wv = nodeWeights[v];
            clusterWeight[current] -= wv;
            if (--clusterSize[current] == 0)
            {
                empty[emptyCount++] = current;
            }

            int start = offsets[v], end = offsets[v + 1];
            var found = Gather(neighbors, weights, start, end, membership, touched, candidates, 0, edgeTo);

            var best = current;
            var bestGain = edgeTo[current] - (wv * clusterWeight[current] * gamma);
            for (var j = 0; j < found; j++)
            {
                var c = candidates[j];
                var gain = edgeTo[c] - (wv * clusterWeight[c] * gamma);
                if (gain > bestGain)
                {
                    best = c;
                    bestGain = gain;
                }

                edgeTo[c] = 0;
                touched[c] = false;
            }

            if (bestGain < 0)
            {
                // An empty community has gain 0. Here the current community is not empty (it would have gain 0).
                best = empty[emptyCount - 1];
            }

            clusterWeight[best] += wv;
            if (clusterSize[best]++ == 0)
            {
                emptyCount--; // best was the empty community on top of the stack
            }

            if (best != current)
            {
                membership[v] = best;
                Requeue(neighbors.AsSpan(start, end - start), membership, best, queue, queued, n, head, ref pending);
            }
        }

        return ws.RenumberInPlace(membership, n);
    }

    /// <summary>Adds the weight of each edge <c>start..end</c> to its far end's community in <paramref name="edgeTo"/>, and lists
    /// each community met for the first time (not yet <paramref name="touched"/>) in <paramref name="candidates"/> from
    /// <paramref name="found"/> on, in edge order; returns the new length of the list.</summary>
    /// <remarks>The hot loop of local moving (a third of Leiden's time on the generated sets): it reads its arrays
    /// through unchecked references, which saves six bounds checks per edge (bench/README.md, "Leiden's constant factors").
    /// Safe because every id read is a node or community of the level: neighbours and memberships lie in
    /// <c>[0, n)</c>, edges <c>start..end</c> lie inside the CSR arrays, the workspace arrays hold at least n entries, and the
    /// list never holds more than n distinct communities.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Gather(int[] neighbors, double[] weights, int start, int end, int[] membership, bool[] touched, int[] candidates, int found, double[] edgeTo)
    {
        Debug.Assert(start >= 0 && end <= neighbors.Length && end <= weights.Length, "edge range outside the CSR arrays");
        ref var neighbor = ref MemoryMarshal.GetArrayDataReference(neighbors);
        ref var weight = ref MemoryMarshal.GetArrayDataReference(weights);
        ref var community = ref MemoryMarshal.GetArrayDataReference(membership);
        ref var seen = ref MemoryMarshal.GetArrayDataReference(touched);
        ref var listed = ref MemoryMarshal.GetArrayDataReference(candidates);
        ref var to = ref MemoryMarshal.GetArrayDataReference(edgeTo);
        for (var e = start; e < end; e++)
        {
            var c = Unsafe.Add(ref community, Unsafe.Add(ref neighbor, e));
            ref var isSeen = ref Unsafe.Add(ref seen, c);
            if (!isSeen)
            {
                isSeen = true;
                Unsafe.Add(ref listed, found++) = c;
            }

            Unsafe.Add(ref to, c) += Unsafe.Add(ref weight, e);
        }

        return found;
    }

    /// <summary>Puts every node 0..n-1 in the queue, in a random order, and marks them queued.</summary>
    internal static void FillQueue(int[] queue, bool[] queued, int n, ref Xoshiro256StarStar rng)
    {
        for (var i = 0; i < n; i++)
        {
            queue[i] = i;
        }

        Shuffle(queue.AsSpan(0, n), ref rng);
        Array.Fill(queued, true, 0, n);
    }

    /// <summary>Queues, at the tail of the ring buffer <paramref name="queue"/> of size <paramref name="n"/>, each of
    /// <paramref name="neighbors"/> that is outside <paramref name="community"/> and not queued yet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Requeue(ReadOnlySpan<int> neighbors, int[] membership, int community, int[] queue, bool[] queued, int n, int head, ref int pending)
    {
        foreach (var u in neighbors)
        {
            if (!queued[u] && membership[u] != community)
            {
                queued[u] = true;
                var tail = head + pending;
                queue[tail >= n ? tail - n : tail] = u;
                pending++;
            }
        }
    }

    /// <summary>Fisher–Yates shuffle driven by <paramref name="rng"/>.</summary>
    internal static void Shuffle(Span<int> items, ref Xoshiro256StarStar rng)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
