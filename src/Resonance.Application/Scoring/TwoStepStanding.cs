namespace Resonance.Application.Scoring;

/// <summary>
/// resonance@6's standing of an engager u when its contribution to an engaged account v is computed:
/// <c>s₋v(u) = 1 + d·Σ_{c ≠ v} p(c,u)</c>, with p(c,u) = w(c,u)/W(c) the share of c's out-weight that goes to u. It is
/// PageRank's walk sum (in units of an account nobody engages with) cut after one step into u, with the step from v
/// itself left out, so the impact term <c>Σ_u d·s₋v(u)·p(u,v)</c> counts exactly the walks of length one and two that
/// end at v and do not start at v.
/// </summary>
/// <remarks>
/// <para>Why: nothing v does can reach this number. p(c,u) for c ≠ v and p(u,v) for u ≠ v depend only on the out-edges of
/// c and u, and the one term that depends on v's out-edges, p(v,u), is taken out. PageRank's standing (resonance@1–@5)
/// also counts longer walks v → T → … → u → v, so v's own engagement could raise its own score (docs/scoring.md §7).</para>
/// <para>Exactness: every share is rounded once to a fixed-point integer q(c,u) = round(p(c,u)·2⁴⁰) and u's in-shares are
/// summed as integers, T(u) = Σ_c q(c,u) (<see cref="Int128"/>, so no bound on in-degree). Integer sums do not depend on
/// order and T(u) − q(v,u) is exactly the sum over c ≠ v, so adding, removing or reweighting any of v's out-edges leaves
/// s₋v(u) identical bit for bit. The rounding moves a share by at most 2⁻⁴¹ (4.5·10⁻¹³).</para>
/// <para>References: PageRank as a sum over walk lengths with a damping function, here cut after length two:
/// R. Baeza-Yates, P. Boldi, C. Castillo (2006), "Generalizing PageRank: damping functions for link-based ranking
/// algorithms", SIGIR 2006. L. Becchetti, C. Castillo, D. Donato, R. Baeza-Yates, S. Leonardi (2008), "Link analysis for
/// Web spam detection", ACM TWEB 2(1), use the opposite cut ("truncated PageRank" drops the first levels) against link
/// farms; both show that the cut can be chosen for a purpose and ranks stay close to PageRank's.</para>
/// <para>Complexity: O(n + m) to build; O(1) per (engager, engaged) pair given the reverse pair's index. Determinism:
/// integer sums and one rounding per pair, so the result is bit-identical for any row order and thread count.</para>
/// </remarks>
internal sealed class TwoStepStanding
{
    /// <summary>The name recorded in <see cref="ScoringParameters.ImpactStanding"/>.</summary>
    public const string Name = "two-step";

    /// <summary>2⁴⁰: the fixed-point scale of a share.</summary>
    private const double Scale = 1L << 40;

    private readonly long[] share;
    private readonly Int128[] total;
    private readonly double damping;

    /// <summary>The fixed-point shares of the pairs (<paramref name="sources"/>[e] → <paramref name="targets"/>[e], weight
    /// <paramref name="weights"/>[e]) and every node's fixed-point in-share sum; <paramref name="outWeight"/> is each
    /// node's total out-weight.</summary>
    public TwoStepStanding(int[] sources, int[] targets, float[] weights, double[] outWeight, double damping)
    {
        this.damping = damping;
        share = new long[sources.Length];
        total = new Int128[outWeight.Length];
        for (var e = 0; e < sources.Length; e++)
        {
            var w = outWeight[sources[e]];
            share[e] = w > 0 ? (long)Math.Round(weights[e] / w * Scale) : 0;
            total[targets[e]] += share[e];
        }
    }

    /// <summary>s₋v(u) for the pair u → v, given the index <paramref name="back"/> of the reverse pair v → u (negative when
    /// v does not engage u).</summary>
    public double Of(int u, int back) => 1 + (damping * ((double)(total[u] - (back >= 0 ? share[back] : 0)) / Scale));

    /// <summary>The fixed-point share q(c,u) of pair <paramref name="pair"/> (c → u).</summary>
    public long ShareOf(int pair) => share[pair];

    /// <summary>T(u) = Σ_c q(c,u), u's fixed-point in-share total.</summary>
    public Int128 TotalOf(int u) => total[u];

    /// <summary>u's standing with no pair taken out, 1 + d·T(u)/2⁴⁰: at least s₋v(u) for every v.</summary>
    public double Largest(int u) => 1 + (damping * ((double)total[u] / Scale));

    /// <summary>s₋v(u) as it would be without the pair <paramref name="removed"/> (an in-pair of u): T(u) less its share,
    /// the same integer a graph without that pair sums (resonance@7's leave-one-out, <see cref="LeaveOneOutScores"/>).</summary>
    public double Without(int u, int removed, int back) =>
        1 + (damping * ((double)(total[u] - share[removed] - (back >= 0 ? share[back] : 0)) / Scale));
}
