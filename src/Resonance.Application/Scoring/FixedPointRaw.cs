namespace Resonance.Application.Scoring;

/// <summary>
/// resonance@7's raw scores: the formula of resonance@6 (<see cref="RawScores"/> with <see cref="TwoStepStanding"/>), with
/// every pair's reach term, amplifying count, engagement count and impact flow d·s₋v(u)·p(u,v) rounded once to a
/// fixed-point integer (2⁻⁴⁰) and summed per account in 128-bit integers, so that an account's raw score is a fixed
/// function of four integer totals.
/// </summary>
/// <remarks>
/// <para>Why: <see cref="LeaveOneOutScores"/> needs, for every account A, the raw scores the other accounts would have
/// without A's outgoing interactions, bit for bit as a run on that data computes them. Integer sums do not depend on
/// order, so taking A's terms out of a total gives exactly the total of a graph without them, in O(1) per pair.</para>
/// <para><c>raw(v) = R(v) + γ·(A(v) + α·m)/(D(v) + α) + η·I(v)</c> with R, A, I the totals of reach terms, amplifying
/// counts and impact flows (over 2⁴⁰), D(v) the posts of v or, when none are known, E(v), the total of its received
/// engagement; 0 for an account nobody engages. Each pair's contribution is its own rounded terms, so the explanation
/// adds up to the raw score up to double rounding (about 10⁻¹⁵ relative). Rounding moves each term by at most 2⁻⁴¹.</para>
/// <para>Complexity: O(n + m) plus one binary search per pair for the reverse pair. Determinism: integer totals and a
/// fixed formula, so bit-identical for any row order and thread count.</para>
/// </remarks>
internal sealed class FixedPointRaw
{
    /// <summary>2⁴⁰: the fixed-point scale of every term.</summary>
    public const double Scale = 1L << 40;

    private FixedPointRaw(EngagementGraph g, ScoringParameters p, TwoStepStanding standing, int m)
    {
        Graph = g;
        Parameters = p;
        Standing = standing;
        (Back, Share, ReachQ, AmplifyingQ, EngagementQ, FlowQ) = (new int[m], new double[m], new long[m], new long[m], new long[m], new long[m]);
        var n = g.NodeCount;
        (Reach, Amplifying, Engagement, Flow, Engagers) = (new Int128[n], new Int128[n], new Int128[n], new Int128[n], new int[n]);
    }

    /// <summary>The graph of the pass.</summary>
    public EngagementGraph Graph { get; }

    /// <summary>The parameters of the pass.</summary>
    public ScoringParameters Parameters { get; }

    /// <summary>The engagers' fixed-point standing.</summary>
    public TwoStepStanding Standing { get; }

    /// <summary>For every pair u → v, the index of the pair v → u, or −1.</summary>
    public int[] Back { get; }

    /// <summary>p(u,v) = w(u,v)/W(u) for every pair.</summary>
    public double[] Share { get; }

    /// <summary>Per pair: the reach term, amplifying count, engagement count and impact flow in fixed point.</summary>
    public long[] ReachQ { get; }

    /// <inheritdoc cref="ReachQ"/>
    public long[] AmplifyingQ { get; }

    /// <inheritdoc cref="ReachQ"/>
    public long[] EngagementQ { get; }

    /// <inheritdoc cref="ReachQ"/>
    public long[] FlowQ { get; }

    /// <summary>Per account: the totals of its in-pairs' fixed-point terms.</summary>
    public Int128[] Reach { get; }

    /// <inheritdoc cref="Reach"/>
    public Int128[] Amplifying { get; }

    /// <inheritdoc cref="Reach"/>
    public Int128[] Engagement { get; }

    /// <inheritdoc cref="Reach"/>
    public Int128[] Flow { get; }

    /// <summary>Per account: its in-pairs with a positive reach term (it is engaged when this is positive).</summary>
    public int[] Engagers { get; }

    /// <summary>The fixed-point value of <paramref name="x"/>.</summary>
    public static long Fixed(double x) => (long)Math.Round(x * Scale);

    /// <summary>The impact flow of pair <paramref name="e"/> (u → v) in fixed point, given u's standing s₋v(u).</summary>
    public long FlowOf(int e, double standing) => Fixed(Parameters.Damping * standing * Share[e]);

    /// <summary>The amplification denominator D(v) + α for a received-engagement total <paramref name="engagement"/>.</summary>
    public double Denominator(int v, Int128 engagement) =>
        (Graph.PostCounts[v] > 0 ? Graph.PostCounts[v] : (double)engagement / Scale) + Parameters.AmplificationPriorPosts;

    /// <summary>The raw score of <paramref name="v"/> from its totals (0 without engagers).</summary>
    public double RawOf(int v, Int128 reach, Int128 amplifying, Int128 engagement, Int128 flow, int engagers)
    {
        if (engagers <= 0)
        {
            return 0;
        }

        var p = Parameters;
        var prior = p.AmplificationPriorPosts * p.AmplificationPriorRate;
        return ((double)reach / Scale) + (p.AmplificationWeight * (((double)amplifying / Scale) + prior) / Denominator(v, engagement))
            + (p.ImpactWeight * ((double)flow / Scale));
    }

    /// <summary>Computes a pass's raw scores, parts and contributions in fixed point.</summary>
    public static RawScores Compute(EngagementGraph g, ScoringParameters p, long[] pairKeys)
    {
        int n = g.NodeCount, m = g.PairCount;
        var weights = new float[m];
        var outWeight = new double[n];
        for (var e = 0; e < m; e++)
        {
            weights[e] = (float)g.EdgeWeights[e];
            outWeight[g.Sources[e]] += weights[e];
        }

        var f = new FixedPointRaw(g, p, new TwoStepStanding(g.Sources, g.Targets, weights, outWeight, p.Damping), m);
        for (var e = 0; e < m; e++)
        {
            int u = g.Sources[e], v = g.Targets[e];
            f.Back[e] = Math.Max(-1, Array.BinarySearch(pairKeys, ((long)v * n) + u));
            f.Share[e] = outWeight[u] > 0 ? weights[e] / outWeight[u] : 0;
            f.ReachQ[e] = Fixed(g.ReachTerms[e]);
            f.AmplifyingQ[e] = Fixed(g.AmplifyingCounts[e]);
            f.EngagementQ[e] = Fixed(g.EngagementCounts[e]);
            f.FlowQ[e] = f.FlowOf(e, f.Standing.Of(u, f.Back[e]));
            f.Reach[v] += f.ReachQ[e];
            f.Amplifying[v] += f.AmplifyingQ[e];
            f.Engagement[v] += f.EngagementQ[e];
            f.Flow[v] += f.FlowQ[e];
            f.Engagers[v] += g.ReachTerms[e] > 0 ? 1 : 0;
        }

        var prior = p.AmplificationPriorPosts * p.AmplificationPriorRate;
        double[] raw = new double[n], baseTerms = new double[n], reach = new double[n], amplification = new double[n], impact = new double[n],
            denominators = new double[n];
        for (var v = 0; v < n; v++)
        {
            denominators[v] = f.Denominator(v, f.Engagement[v]);
            raw[v] = f.RawOf(v, f.Reach[v], f.Amplifying[v], f.Engagement[v], f.Flow[v], f.Engagers[v]);
            if (f.Engagers[v] > 0)
            {
                baseTerms[v] = p.AmplificationWeight * prior / denominators[v];
                reach[v] = (double)f.Reach[v] / Scale;
                amplification[v] = (((double)f.Amplifying[v] / Scale) + prior) / denominators[v];
                impact[v] = (double)f.Flow[v] / Scale;
            }
        }

        double[] reachContribution = new double[m], ampContribution = new double[m], impactContribution = new double[m];
        for (var e = 0; e < m; e++)
        {
            var v = g.Targets[e];
            reachContribution[e] = f.ReachQ[e] / Scale;
            ampContribution[e] = p.AmplificationWeight * (f.AmplifyingQ[e] / Scale) / denominators[v];
            impactContribution[e] = p.ImpactWeight * (f.FlowQ[e] / Scale);
        }

        return new RawScores
        {
            Raw = raw,
            BaseTerms = baseTerms,
            Reach = reach,
            Amplification = amplification,
            Impact = impact,
            PageRank = new double[n],
            ReachContribution = reachContribution,
            AmplificationContribution = ampContribution,
            ImpactContribution = impactContribution,
            AmplificationDenominators = denominators,
            Iterations = 0,
            Converged = true,
            Sums = f,
        };
    }
}
