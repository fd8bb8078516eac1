using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Resonance.Engine.Randomness;

namespace Resonance.Engine.Community;

/// <summary>Leiden's refinement phase (Traag et al. 2019, Algorithms A.3–A.4, <c>RefinePartition</c> and
/// <c>MergeNodesSubset</c>): splits each community into well-connected sub-communities.</summary>
/// <remarks>
/// <para>Method: within each community S, every node starts alone. The nodes of S are visited once, in a random order.
/// A node v that is still alone and well connected to S (<c>w(v, S − v) ≥ γ'·n_v·(N_S − n_v)</c>) may join a refined
/// community C ⊆ S that is itself well connected (<c>w(C, S − C) ≥ γ'·N_C·(N_S − N_C)</c>) and where the gain
/// <c>ΔH = w(v, C) − γ'·n_v·N_C</c> is not negative; staying alone (ΔH = 0) is always a candidate. C is drawn with
/// probability proportional to <c>exp(ΔH / θ)</c> (computed as <c>exp((ΔH − max ΔH) / θ)</c>, which is the same
/// distribution without overflow); θ = 0 takes the largest gain, the first candidate on ties. Merging only singletons
/// into well-connected communities is what guarantees that every refined community, and hence every community of the
/// result, is connected.</para>
/// <para>Complexity: O(n + m) time per call; O(1) extra memory beyond the workspace.</para>
/// <para>Determinism: community s draws from its own generator, seeded with <see cref="SplitMix64.Derive"/>(levelSeed, s),
/// so its result does not depend on the order in which communities are processed; communities touch disjoint entries of
/// the workspace (a refined community is named after a position in its community's slice, and every array indexed by it
/// is read and written only there), so they are split in parallel, largest first, with the same result on any number of
/// threads.</para>
/// </remarks>
internal static class LeidenRefinement
{
    /// <summary>Below this many CSR entries a level is refined on the calling thread unless a thread count is given:
    /// starting tasks would cost more than the work (the aggregate levels above the first are small).</summary>
    private const int ParallelEdges = 200_000;

    /// <summary>Refines the <paramref name="count"/> communities of <paramref name="membership"/> (dense ids).</summary>
    /// <param name="theta">The randomness θ in gain units; 0 for the greedy choice.</param>
    /// <returns>The number of refined communities; <see cref="LeidenWorkspace.Refined"/> holds them, dense, numbered by
    /// first appearance in node order.</returns>
    /// <param name="threads">How many communities may be split at once (null: all cores); never changes the result.</param>
    public static int Run(LeidenLevelGraph graph, int[] membership, int count, double gamma, double theta, ulong levelSeed, LeidenWorkspace ws, int? threads = 1)
    {
        var n = graph.NodeCount;
        var offsets = ws.ClusterOffsets;
        var nodes = ws.ClusterNodes;
        Array.Clear(offsets, 0, count + 1);
        for (var v = 0; v < n; v++)
        {
            offsets[membership[v] + 1]++;
        }

        for (var c = 0; c < count; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        var cursor = ws.Renumber;
        Array.Copy(offsets, cursor, count);
        for (var v = 0; v < n; v++)
        {
            nodes[cursor[membership[v]]++] = v;
        }

        if (threads == 1 || count == 1 || (threads is null && graph.Offsets[n] < ParallelEdges))
        {
            for (var s = 0; s < count; s++)
            {
                RefineCommunity(graph, membership, s, offsets[s], offsets[s + 1], gamma, theta, levelSeed, ws);
            }
        }
        else
        {
            // Largest communities first, so that one large community started last does not leave the other threads idle.
            var order = new int[count];
            var negativeSize = new int[count];
            for (var s = 0; s < count; s++)
            {
                order[s] = s;
                negativeSize[s] = offsets[s] - offsets[s + 1];
            }

            Array.Sort(negativeSize, order);
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads ?? -1 }, i =>
            {
                var s = order[i];
                RefineCommunity(graph, membership, s, offsets[s], offsets[s + 1], gamma, theta, levelSeed, ws);
            });
        }

        return ws.RenumberInPlace(ws.Refined, n);
    }

    private static void RefineCommunity(LeidenLevelGraph graph, int[] membership, int s, int first, int last, double gamma, double theta, ulong levelSeed, LeidenWorkspace ws)
    {
        var members = ws.ClusterNodes.AsSpan(first, last - first);
        var refined = ws.Refined;
        if (members.Length == 1)
        {
            refined[members[0]] = first;
            return;
        }

        var offsets = graph.Offsets;
        var neighbors = graph.Neighbors;
        var weights = graph.Weights;
        var nodeWeights = graph.NodeWeights;
        var refinedWeight = ws.ClusterWeight;
        var external = ws.External;
        var nonSingleton = ws.NonSingleton;
        var edgeTo = ws.EdgeWeightTo;
        var touched = ws.Touched;
        var candidates = ws.Candidates.AsSpan(first, members.Length);
        var cumulative = ws.Cumulative.AsSpan(first, members.Length);

        var total = 0.0;
        for (var i = 0; i < members.Length; i++)
        {
            var v = members[i];
            refined[v] = first + i;
            refinedWeight[first + i] = nodeWeights[v];
            nonSingleton[first + i] = false;
            total += nodeWeights[v];
            external[first + i] = WeightInside(neighbors, weights, offsets[v], offsets[v + 1], membership, s);
        }

        var order = ws.Queue.AsSpan(first, members.Length);
        members.CopyTo(order);
        var rng = new Xoshiro256StarStar(SplitMix64.Derive(levelSeed, (ulong)s));
        LeidenLocalMoving.Shuffle(order, ref rng);

        for (var i = 0; i < order.Length; i++)
        {
            var v = order[i];
            var own = refined[v];
            if (nonSingleton[own] || external[own] < refinedWeight[own] * (total - refinedWeight[own]) * gamma)
            {
                continue; // v has been joined by others, or is not well connected to its community
            }

            var wv = nodeWeights[v];
            refinedWeight[own] = 0;
            candidates[0] = own;
            touched[own] = true;
            int start = offsets[v], end = offsets[v + 1];
            var found = 1 + GatherInside(neighbors, weights, start, end, membership, s, refined, touched, ws.Candidates, first + 1, edgeTo);

            // Gains of the eligible candidates (−1 marks an ineligible one); the own community has gain 0.
            var best = 0;
            var bestGain = 0.0;
            for (var j = 0; j < found; j++)
            {
                var c = candidates[j];
                var gain = -1.0;
                if (external[c] >= refinedWeight[c] * (total - refinedWeight[c]) * gamma)
                {
                    var g = edgeTo[c] - (wv * refinedWeight[c] * gamma);
                    if (g >= 0)
                    {
                        gain = g;
                        if (g > bestGain)
                        {
                            best = j;
                            bestGain = g;
                        }
                    }
                }

                cumulative[j] = gain;
                edgeTo[c] = 0;
                touched[c] = false;
            }

            var chosen = candidates[theta > 0 ? Draw(cumulative[..found], bestGain, theta, ref rng) : best];
            refinedWeight[chosen] += wv;
            if (chosen == own)
            {
                continue;
            }

            external[chosen] = ExternalAfterJoin(external[chosen], neighbors, weights, start, end, membership, s, refined, chosen);

            refined[v] = chosen;
            nonSingleton[chosen] = true;
        }
    }

    /// <summary>Like <see cref="LeidenLocalMoving.Gather"/>, over the edges <c>start..end</c> whose far end lies in community
    /// <paramref name="s"/>: adds each one's weight to its far end's refined community in <paramref name="edgeTo"/> and lists
    /// each refined community met for the first time at <c>candidates[listAt..]</c>; returns how many it listed.</summary>
    /// <remarks>The hot loop of the refinement, through unchecked references for the reason and under the invariants given at
    /// <see cref="LeidenLocalMoving.Gather"/>; refined ids also lie in <c>[0, n)</c>, and the ones listed here are refined
    /// communities of s, at most its size, so <c>candidates[listAt..]</c> stays inside s's slice.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int GatherInside(int[] neighbors, double[] weights, int start, int end, int[] membership, int s, int[] refined, bool[] touched,
        int[] candidates, int listAt, double[] edgeTo)
    {
        Debug.Assert(start >= 0 && end <= neighbors.Length && end <= weights.Length, "edge range outside the CSR arrays");
        ref var neighbor = ref MemoryMarshal.GetArrayDataReference(neighbors);
        ref var weight = ref MemoryMarshal.GetArrayDataReference(weights);
        ref var community = ref MemoryMarshal.GetArrayDataReference(membership);
        ref var sub = ref MemoryMarshal.GetArrayDataReference(refined);
        ref var seen = ref MemoryMarshal.GetArrayDataReference(touched);
        ref var listed = ref MemoryMarshal.GetArrayDataReference(candidates);
        ref var to = ref MemoryMarshal.GetArrayDataReference(edgeTo);
        var found = listAt;
        for (var e = start; e < end; e++)
        {
            var u = Unsafe.Add(ref neighbor, e);
            if (Unsafe.Add(ref community, u) != s)
            {
                continue;
            }

            var c = Unsafe.Add(ref sub, u);
            ref var isSeen = ref Unsafe.Add(ref seen, c);
            if (!isSeen)
            {
                isSeen = true;
                Unsafe.Add(ref listed, found++) = c;
            }

            Unsafe.Add(ref to, c) += Unsafe.Add(ref weight, e);
        }

        return found - listAt;
    }

    /// <summary>The weight of the edges <c>start..end</c> whose far end lies in community <paramref name="s"/>, summed in
    /// edge order (unchecked, as <see cref="GatherInside"/>).</summary>
    private static double WeightInside(int[] neighbors, double[] weights, int start, int end, int[] membership, int s)
    {
        Debug.Assert(start >= 0 && end <= neighbors.Length && end <= weights.Length, "edge range outside the CSR arrays");
        ref var neighbor = ref MemoryMarshal.GetArrayDataReference(neighbors);
        ref var weight = ref MemoryMarshal.GetArrayDataReference(weights);
        ref var community = ref MemoryMarshal.GetArrayDataReference(membership);
        var inside = 0.0;
        for (var e = start; e < end; e++)
        {
            if (Unsafe.Add(ref community, Unsafe.Add(ref neighbor, e)) == s)
            {
                inside += Unsafe.Add(ref weight, e);
            }
        }

        return inside;
    }

    /// <summary>The external weight of refined community <paramref name="chosen"/> after the node with edges
    /// <c>start..end</c> joined it: each edge to community <paramref name="s"/> is added, or subtracted when its far end is
    /// already in <paramref name="chosen"/>, one by one in edge order (unchecked, as <see cref="GatherInside"/>).</summary>
    private static double ExternalAfterJoin(double external, int[] neighbors, double[] weights, int start, int end, int[] membership, int s, int[] refined, int chosen)
    {
        Debug.Assert(start >= 0 && end <= neighbors.Length && end <= weights.Length, "edge range outside the CSR arrays");
        ref var neighbor = ref MemoryMarshal.GetArrayDataReference(neighbors);
        ref var weight = ref MemoryMarshal.GetArrayDataReference(weights);
        ref var community = ref MemoryMarshal.GetArrayDataReference(membership);
        ref var sub = ref MemoryMarshal.GetArrayDataReference(refined);
        for (var e = start; e < end; e++)
        {
            var u = Unsafe.Add(ref neighbor, e);
            if (Unsafe.Add(ref community, u) == s)
            {
                var w = Unsafe.Add(ref weight, e);
                external += Unsafe.Add(ref sub, u) == chosen ? -w : w;
            }
        }

        return external;
    }

    /// <summary>Draws an index with probability ∝ exp((gain − maxGain)/θ) over the entries with gain ≥ 0.</summary>
    private static int Draw(Span<double> gains, double maxGain, double theta, ref Xoshiro256StarStar rng)
    {
        var sum = 0.0;
        for (var j = 0; j < gains.Length; j++)
        {
            if (gains[j] >= 0)
            {
                sum += Math.Exp((gains[j] - maxGain) / theta);
            }

            gains[j] = sum;
        }

        // The entry at the maximum contributes exp(0) = 1, so sum ≥ 1 and some cumulative entry exceeds r.
        var r = rng.NextDouble() * sum;
        for (var j = 0; j < gains.Length; j++)
        {
            if (gains[j] > r)
            {
                return j;
            }
        }

        return gains.Length - 1;
    }
}
