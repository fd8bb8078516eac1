using Resonance.Engine.Centrality;
using Resonance.Engine.Graphs;

namespace Resonance.Application.Scoring;

/// <summary>The raw-score formula of the resonance versions, and its bootstrap replicates.</summary>
/// <remarks>
/// <para>For an engaged account v with engagers u:
/// <c>raw(v) = Σ_u [ r(u,v) + γ·a(u,v)/(D(v)+α) + η·d·((x(u) − d·x(v)·p(v,u))/b)·p(u,v) ] + γ·α·m/(D(v)+α)</c>,
/// where r is the reach term, a the amplifying count, D the posts of v in the window (or, when none are known, the
/// engagements v received), α the prior pseudo-count, m the prior rate (fixed by the version), x the engagement PageRank, d its damping,
/// p(u,v) = w(u,v)/W(u) the share of u's out-weight that goes to v, and b = ((1 − d) + d·dangling mass)/N the share
/// every node gets whatever its links, so that x(u)/b is u's standing in units of an account nobody engages with. The PageRank term leaves out
/// what u received from v itself (x(v)·p(v,u)), so engaging with those who engage you back does not feed your own score.
/// When v also engages u, the whole pair term is multiplied by 1 − <see cref="ScoringParameters.ReciprocalDiscount"/>.</para>
/// <para>resonance@6 (<see cref="ScoringParameters.ImpactStanding"/> = <see cref="TwoStepStanding.Name"/>) replaces the
/// standing (x(u) − d·x(v)·p(v,u))/b by <see cref="TwoStepStanding"/>'s s₋v(u) = 1 + d·Σ_{c≠v} p(c,u), exact in fixed
/// point, so that none of v's out-edges can reach v's raw score; it runs no PageRank (<see cref="PageRank"/> is 0 there).</para>
/// <para>Every term is owed to exactly one engager except the prior, so the explanation is exact by construction.</para>
/// <para>Complexity: O(k·(n + m)) for the PageRank (O(n + m) for resonance@6's standing), O(m log m) for the reciprocal look-ups. Determinism: sums run in
/// pair order; PageRank is deterministic for any thread count.</para>
/// </remarks>
internal sealed class RawScores
{
    public required double[] Raw { get; init; }
    public required double[] BaseTerms { get; init; }
    public required double[] Reach { get; init; }
    public required double[] Amplification { get; init; }
    public required double[] Impact { get; init; }
    public required double[] PageRank { get; init; }
    public required double[] ReachContribution { get; init; }
    public required double[] AmplificationContribution { get; init; }
    public required double[] ImpactContribution { get; init; }
    public required double[] AmplificationDenominators { get; init; }
    public required int Iterations { get; init; }
    public required bool Converged { get; init; }

    /// <summary>resonance@7: the fixed-point terms and totals behind <see cref="Raw"/> (<see cref="FixedPointRaw"/>); null before.</summary>
    public FixedPointRaw? Sums { get; init; }

    /// <summary>Computes the raw scores, their parts and every pair's contribution.</summary>
    public static RawScores Compute(EngagementGraph g, ScoringParameters p, long[] pairKeys, int? degreeOfParallelism, CancellationToken ct)
    {
        if (p.Calibration == LeaveOneOutScores.Name)
        {
            return FixedPointRaw.Compute(g, p, pairKeys);
        }

        int n = g.NodeCount, m = g.PairCount;
        var weights = new float[m];
        var reachTerm = new double[m];
        var ampCount = new double[m];
        var received = new double[n];
        for (var e = 0; e < m; e++)
        {
            weights[e] = (float)g.EdgeWeights[e];
            reachTerm[e] = g.ReachTerms[e];
            ampCount[e] = g.AmplifyingCounts[e];
            received[g.Targets[e]] += g.EngagementCounts[e];
        }

        var outWeight = new double[n];
        for (var e = 0; e < m; e++)
        {
            outWeight[g.Sources[e]] += weights[e];
        }

        // resonance@6 needs no PageRank: its standing is exact fixed point (TwoStepStanding); x stays 0 there.
        var twoStep = p.ImpactStanding == TwoStepStanding.Name ? new TwoStepStanding(g.Sources, g.Targets, weights, outWeight, p.Damping) : null;
        var pr = twoStep is null
            ? Engine.Centrality.PageRank.Run(CsrGraphBuilder.Build(n, g.Sources, g.Targets, weights, degreeOfParallelism), new PageRankOptions
            {
                Damping = p.Damping,
                Tolerance = p.PageRankTolerance,
                MaxIterations = p.PageRankMaxIterations,
                Weighted = true,
                DegreeOfParallelism = degreeOfParallelism,
            }, ct)
            : null;
        var x = pr?.Scores ?? new double[n];

        var denominators = new double[n];
        for (var v = 0; v < n; v++)
        {
            denominators[v] = (g.PostCounts[v] > 0 ? g.PostCounts[v] : received[v]) + p.AmplificationPriorPosts;
        }

        // x = b·(I − d·Pᵀ)⁻¹·1 with b the teleport-plus-dangling share every node gets, so x/b (the expected visits of a
        // walk) does not depend on the dangling mass. Measuring standing as x/b keeps an account's own outgoing activity,
        // which moves dangling mass around, from lifting everyone's standing (its engagers' included) in step.
        var dangling = 0.0;
        for (var v = 0; v < n; v++)
        {
            dangling += outWeight[v] > 0 ? 0 : x[v];
        }

        var b = ((1 - p.Damping) + (p.Damping * dangling)) / n;
        var reachContribution = new double[m];
        var ampContribution = new double[m];
        var impactContribution = new double[m];
        var raw = new double[n];
        var reach = new double[n];
        var ampSum = new double[n];
        var impact = new double[n];
        var engaged = new bool[n];
        var d = p.Damping;
        for (var e = 0; e < m; e++)
        {
            int u = g.Sources[e], v = g.Targets[e];
            var share = outWeight[u] > 0 ? weights[e] / outWeight[u] : 0;
            var back = Array.BinarySearch(pairKeys, ((long)v * n) + u);
            double flow;
            if (twoStep is null)
            {
                var returned = back >= 0 && outWeight[v] > 0 ? d * x[v] * (weights[back] / outWeight[v]) : 0;
                flow = d * Math.Max(0, (x[u] - returned) / b) * share;
            }
            else
            {
                flow = d * twoStep.Of(u, back) * share;
            }

            var keep = back >= 0 || (g.Reciprocal?[e] ?? false) ? 1 - p.ReciprocalDiscount : 1;
            reachContribution[e] = keep * reachTerm[e];
            ampContribution[e] = keep * p.AmplificationWeight * ampCount[e] / denominators[v];
            impactContribution[e] = keep * p.ImpactWeight * flow;
            raw[v] += reachContribution[e] + ampContribution[e] + impactContribution[e];
            reach[v] += reachContribution[e];
            ampSum[v] += keep * ampCount[e];
            impact[v] += keep * flow;
            engaged[v] |= reachTerm[e] > 0;
        }

        var baseTerms = new double[n];
        var amplification = new double[n];
        for (var v = 0; v < n; v++)
        {
            if (engaged[v])
            {
                var prior = p.AmplificationPriorPosts * p.AmplificationPriorRate;
                baseTerms[v] = p.AmplificationWeight * prior / denominators[v];
                raw[v] += baseTerms[v];
                amplification[v] = (ampSum[v] + prior) / denominators[v];
            }
        }

        return new RawScores
        {
            Raw = raw,
            BaseTerms = baseTerms,
            Reach = reach,
            Amplification = amplification,
            Impact = impact,
            PageRank = x,
            ReachContribution = reachContribution,
            AmplificationContribution = ampContribution,
            ImpactContribution = impactContribution,
            AmplificationDenominators = denominators,
            Iterations = pr?.Iterations ?? 0,
            Converged = pr?.Converged ?? true,
        };
    }

    /// <summary>
    /// The raw scores of one bootstrap replicate: every pair's contribution of the main pass counted
    /// <see cref="ReplicateBuffers.Multiplier"/> times, with the engagers' standing held at the main pass's (no PageRank
    /// re-run). Returns <see cref="ReplicateBuffers.Raw"/>, overwritten by the next replicate drawn into the same buffers.
    /// </summary>
    public static double[] Replicate(EngagementGraph g, ScoringParameters p, RawScores main, ReplicateBuffers buffers)
    {
        int n = g.NodeCount, m = g.PairCount;
        var (multiplier, raw, amplifying, received) = (buffers.Multiplier, buffers.Raw, buffers.Amplifying, buffers.Received);
        Array.Clear(raw);
        Array.Clear(amplifying);
        Array.Clear(received);
        for (var e = 0; e < m; e++)
        {
            var k = multiplier[e];
            if (k == 0)
            {
                continue;
            }

            var v = g.Targets[e];
            raw[v] += k * (main.ReachContribution[e] + main.ImpactContribution[e]);
            amplifying[v] += k * main.AmplificationContribution[e] * main.AmplificationDenominators[v];
            received[v] += k * g.EngagementCounts[e];
        }

        var prior = p.AmplificationPriorPosts * p.AmplificationPriorRate;
        for (var v = 0; v < n; v++)
        {
            if (received[v] > 0)
            {
                var denominator = (g.PostCounts[v] > 0 ? g.PostCounts[v] : received[v]) + p.AmplificationPriorPosts;
                raw[v] += (amplifying[v] + (p.AmplificationWeight * prior)) / denominator;
            }
        }

        return raw;
    }

    /// <summary>One worker's arrays for <see cref="Replicate"/>, reused from one replicate to the next.</summary>
    public sealed class ReplicateBuffers(int nodes, int pairs)
    {
        /// <summary>How many times each pair is counted (the replicate's Poisson draws).</summary>
        public int[] Multiplier { get; } = new int[pairs];

        /// <summary>The replicate's raw scores.</summary>
        public double[] Raw { get; } = new double[nodes];

        /// <summary>The replicate's amplifying counts (before smoothing).</summary>
        public double[] Amplifying { get; } = new double[nodes];

        /// <summary>The replicate's received engagement.</summary>
        public double[] Received { get; } = new double[nodes];
    }

    /// <summary>resonance@5: each node's parts and each pair's contributions taken from the pass of the node's own
    /// rung (<paramref name="passOf"/>; a pair follows its engaged node); PageRank and its iterations from the pass
    /// <paramref name="main"/>.</summary>
    public static RawScores Compose(EngagementGraph g, IReadOnlyList<RawScores> passes, int[] passOf, int main)
    {
        int n = g.NodeCount, m = g.PairCount;
        double[] raw = new double[n], baseTerms = new double[n], reach = new double[n], amplification = new double[n], impact = new double[n],
            denominators = new double[n];
        for (var v = 0; v < n; v++)
        {
            var s = passes[passOf[v]];
            raw[v] = s.Raw[v];
            baseTerms[v] = s.BaseTerms[v];
            reach[v] = s.Reach[v];
            amplification[v] = s.Amplification[v];
            impact[v] = s.Impact[v];
            denominators[v] = s.AmplificationDenominators[v];
        }

        double[] reachContribution = new double[m], ampContribution = new double[m], impactContribution = new double[m];
        for (var e = 0; e < m; e++)
        {
            var s = passes[passOf[g.Targets[e]]];
            reachContribution[e] = s.ReachContribution[e];
            ampContribution[e] = s.AmplificationContribution[e];
            impactContribution[e] = s.ImpactContribution[e];
        }

        return new RawScores
        {
            Raw = raw,
            BaseTerms = baseTerms,
            Reach = reach,
            Amplification = amplification,
            Impact = impact,
            PageRank = passes[main].PageRank,
            ReachContribution = reachContribution,
            AmplificationContribution = ampContribution,
            ImpactContribution = impactContribution,
            AmplificationDenominators = denominators,
            Iterations = passes[main].Iterations,
            Converged = passes.All(s => s.Converged),
        };
    }

    /// <summary>source·n + target for every pair, ascending (pairs are sorted), for reciprocal look-ups.</summary>
    public static long[] PairKeys(EngagementGraph g)
    {
        var keys = new long[g.PairCount];
        for (var e = 0; e < keys.Length; e++)
        {
            keys[e] = ((long)g.Sources[e] * g.NodeCount) + g.Targets[e];
        }

        return keys;
    }
}
