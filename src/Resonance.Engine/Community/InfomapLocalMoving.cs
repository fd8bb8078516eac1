using Resonance.Engine.Randomness;

namespace Resonance.Engine.Community;

/// <summary>Infomap's core step: moves single nodes of one level between modules while the map equation's codelength
/// falls (Rosvall and Bergstrom 2008; the core algorithm of Edler, Eriksson and Rosvall 2017).</summary>
/// <remarks>
/// <para>Method: all nodes enter a FIFO queue in a random order (Leiden's fast local moving, as
/// <see cref="LeidenLocalMoving"/>, here with map-equation deltas instead of modularity gains). A node taken from the
/// queue is weighed against each module its neighbours are in and, when its own module holds other nodes, an empty
/// one; it moves to the one that lowers L most, if by more than 10⁻¹⁰ bits (the Infomap program's minimum codelength
/// improvement); ties keep the earlier candidate. When it moves, its neighbours outside its new module are queued
/// again. The phase ends when the queue is empty, so every node is then locally optimal.</para>
/// <para>Delta: in flow units (weights over 2m), moving v (visit rate p_v, exit rate x_v, flow w_a to the rest of its
/// module a and w_b to module b) changes only a's and b's terms of
/// <c>L = plogp(Σq) − 2Σ plogp(q_i) − Σ plogp(p_α) + Σ plogp(q_i + p_i)</c>:
/// q_a' = q_a − x_v + 2w_a, p_a' = p_a − p_v, q_b' = q_b + x_v − 2w_b, p_b' = p_b + p_v (<see cref="MapEquation"/>).
/// Module state is kept in weight units, so with integer weights every sum is exact, with each module's two plogp
/// terms cached.</para>
/// <para>Complexity: O(d_v) per visit plus three logarithms per candidate module; O(n + m) per sweep-equivalent.</para>
/// <para>Determinism: sequential; the order depends only on the generator, and ties are broken by candidate order.</para>
/// </remarks>
internal static class InfomapLocalMoving
{
    /// <summary>The smallest codelength reduction, in bits, for which a node moves.</summary>
    public const double MinimumImprovement = 1e-10;

    /// <summary>Moves nodes of <paramref name="graph"/> between the modules in <paramref name="membership"/> (values in
    /// [0, n)) until none lowers the codelength by moving, then renumbers them densely by first appearance.</summary>
    /// <param name="graph">The level graph; its node weights are strengths, which sum to <paramref name="totalWeight"/>.</param>
    /// <param name="membership">The start partition, changed in place.</param>
    /// <param name="totalWeight">2m: the sum of the input graph's strengths.</param>
    /// <param name="rng">The generator of the visiting order.</param>
    /// <param name="ws">The trial's workspace.</param>
    /// <returns>The number of modules.</returns>
    public static int Run(LeidenLevelGraph graph, int[] membership, double totalWeight, ref Xoshiro256StarStar rng, InfomapWorkspace ws)
    {
        var n = graph.NodeCount;
        var offsets = graph.Offsets;
        var neighbors = graph.Neighbors;
        var weights = graph.Weights;
        var nodeFlow = graph.NodeWeights;
        var shared = ws.Shared;
        var flow = shared.ClusterWeight;
        var size = shared.ClusterSize;
        var empty = shared.EmptyClusters;
        var edgeTo = shared.EdgeWeightTo;
        var touched = shared.Touched;
        var candidates = shared.Candidates;
        var queue = shared.Queue;
        var queued = shared.Queued;
        var exit = ws.ModuleExit;
        var exitTerm = ws.ExitTerm;
        var moduleTerm = ws.ModuleTerm;
        var nodeExit = ws.NodeExit;
        var scale = 1 / totalWeight;

        Array.Clear(flow, 0, n);
        Array.Clear(size, 0, n);
        Array.Clear(exit, 0, n);
        for (var v = 0; v < n; v++)
        {
            var c = membership[v];
            flow[c] += nodeFlow[v];
            size[c]++;
            var out_ = 0.0;
            for (var e = offsets[v]; e < offsets[v + 1]; e++)
            {
                out_ += weights[e];
                if (membership[neighbors[e]] != c)
                {
                    exit[c] += weights[e];
                }
            }

            nodeExit[v] = out_;
        }

        var exitSum = 0.0;
        var emptyCount = 0;
        for (var c = n - 1; c >= 0; c--)
        {
            exitSum += exit[c];
            exitTerm[c] = Plogp(exit[c], scale);
            moduleTerm[c] = Plogp(exit[c] + flow[c], scale);
            if (size[c] == 0)
            {
                empty[emptyCount++] = c; // the smallest empty id ends on top
            }
        }

        LeidenLocalMoving.FillQueue(queue, queued, n, ref rng);
        int head = 0, pending = n;
        while (pending > 0)
        {
            var v = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            pending--;
            queued[v] = false;
            int start = offsets[v], end = offsets[v + 1];
            if (start == end)
            {
                continue; // no edges at this level: moving changes nothing
            }

            var current = membership[v];
            var found = 0;
            for (var e = start; e < end; e++)
            {
                var c = membership[neighbors[e]];
                if (!touched[c])
                {
                    touched[c] = true;
                    candidates[found++] = c;
                }

                edgeTo[c] += weights[e];
            }

            // Leaving the current module a: its new exit and flow (exactly zero when v was alone in it).
            var pv = nodeFlow[v];
            var xv = nodeExit[v];
            var alone = size[current] == 1;
            var exitA1 = alone ? 0 : exit[current] - xv + (2 * edgeTo[current]);
            var flowA1 = alone ? 0 : flow[current] - pv;
            var exitTermA1 = Plogp(exitA1, scale);
            var moduleTermA1 = Plogp(exitA1 + flowA1, scale);
            var leave = (-2 * (exitTermA1 - exitTerm[current])) + moduleTermA1 - moduleTerm[current];
            var exitSumA = exitSum - exit[current] + exitA1;
            var oldSumTerm = Plogp(exitSum, scale);

            var best = current;
            var bestDelta = -MinimumImprovement;
            var bestExit = 0.0;
            for (var j = 0; j < found; j++)
            {
                var c = candidates[j];
                if (c != current)
                {
                    var exitB1 = exit[c] + xv - (2 * edgeTo[c]);
                    var delta = leave + Plogp(exitSumA - exit[c] + exitB1, scale) - oldSumTerm
                        - (2 * (Plogp(exitB1, scale) - exitTerm[c])) + Plogp(exitB1 + flow[c] + pv, scale) - moduleTerm[c];
                    if (delta < bestDelta)
                    {
                        best = c;
                        bestDelta = delta;
                        bestExit = exitB1;
                    }
                }

                edgeTo[c] = 0;
                touched[c] = false;
            }

            if (!alone)
            {
                // An empty module b: q_b' = x_v, p_b' = p_v.
                var delta = leave + Plogp(exitSumA + xv, scale) - oldSumTerm - (2 * Plogp(xv, scale)) + Plogp(xv + pv, scale);
                if (delta < bestDelta)
                {
                    best = empty[emptyCount - 1];
                    bestExit = xv;
                }
            }

            if (best == current)
            {
                continue;
            }

            exitSum = exitSumA - exit[best] + bestExit;
            exit[current] = exitA1;
            flow[current] = flowA1;
            exitTerm[current] = exitTermA1;
            moduleTerm[current] = moduleTermA1;
            if (--size[current] == 0)
            {
                empty[emptyCount++] = current;
            }

            exit[best] = bestExit;
            flow[best] += pv;
            exitTerm[best] = Plogp(bestExit, scale);
            moduleTerm[best] = Plogp(bestExit + flow[best], scale);
            if (size[best]++ == 0)
            {
                emptyCount--; // best was the empty module on top of the stack
            }

            membership[v] = best;
            LeidenLocalMoving.Requeue(neighbors.AsSpan(start, end - start), membership, best, queue, queued, n, head, ref pending);
        }

        return shared.RenumberInPlace(membership, n);
    }

    /// <summary><c>plogp(x / 2m)</c> for a value in weight units.</summary>
    private static double Plogp(double weight, double scale) => MapEquation.Plogp(weight * scale);
}
