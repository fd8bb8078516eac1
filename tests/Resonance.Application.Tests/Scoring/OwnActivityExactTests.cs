using CsCheck;
using Resonance.Application.Scoring;
using Resonance.Domain;
using static Resonance.Application.Tests.Scoring.OwnActivityRows;

namespace Resonance.Application.Tests.Scoring;

/// <summary>resonance@6: an account's own outgoing activity never changes its own raw score, bit for bit
/// (docs/scoring.md, "resonance@6").</summary>
public sealed class OwnActivityExactTests
{
    [Fact]
    public void Adding_any_outgoing_actions_never_changes_your_own_resonance_6_raw_score_or_rung()
    {
        var ct = TestContext.Current.CancellationToken;
        Gen.Select(Row(10).Array[1, 80], Gen.Long[1, 10], Row(12).Array[1, 30]).Sample((rows, a, extra) =>
        {
            var p = Parameters("resonance@6");
            var before = ScoringPipeline.Score(Input(rows), p, intervals: false, ct: ct);
            var after = ScoringPipeline.Score(Input([.. rows, .. extra.Select(e => e with { Actor = a })]), p, intervals: false, ct: ct);

            Assert.Equal(Bits(RawOf(before, a)), Bits(RawOf(after, a)));
            if (RawOf(before, a) > 0)
            {
                Assert.Equal(before.Parameters.TempoRungs!.Of(a).Rung, after.Parameters.TempoRungs!.Of(a).Rung);
            }
        }, iter: 1_000);
    }

    [Theory]
    [InlineData("resonance@1")]
    [InlineData("resonance@5")]
    public void The_property_fails_for_pagerank_standing_through_a_return_walk(string version)
    {
        // 2 engages A; 3 engages 2; 4 engages 3. A's new repost of 4 closes the walk A → 4 → 3 → 2 → A, which PageRank's
        // standing of engager 2 counts and resonance@6's does not.
        var (a, before, after) = ReturnWalk();
        var ct = TestContext.Current.CancellationToken;

        var old = Parameters(version);
        Assert.NotEqual(Bits(RawOf(ScoringPipeline.Score(before, old, intervals: false, ct: ct), a)), Bits(RawOf(ScoringPipeline.Score(after, old, intervals: false, ct: ct), a)));
        var v6 = Parameters("resonance@6");
        Assert.Equal(Bits(RawOf(ScoringPipeline.Score(before, v6, intervals: false, ct: ct), a)), Bits(RawOf(ScoringPipeline.Score(after, v6, intervals: false, ct: ct), a)));
    }

    [Fact]
    public void Resonance_6_impact_is_the_two_step_walk_sum_that_leaves_out_the_engaged_accounts_own_step()
    {
        var ct = TestContext.Current.CancellationToken;
        Row(10).Array[1, 80].Sample(rows =>
        {
            var p = Parameters("resonance@6");
            var c = ScoringPipeline.Score(Input(rows), p, intervals: false, ct: ct);
            foreach (var rung in c.Parameters.TempoRungs!)
            {
                // Every pair into an account is weighed at that account's rung, the engager's own in-pairs included.
                var g = EngagementGraph.Build(Input(rows), p with { RecentHalfLifeDays = rung.HalfLifeDays });
                var outWeight = new double[g.NodeCount];
                for (var e = 0; e < g.PairCount; e++)
                {
                    outWeight[g.Sources[e]] += (float)g.EdgeWeights[e];
                }

                double P(int e) => (float)g.EdgeWeights[e] / outWeight[g.Sources[e]];
                foreach (var e in Enumerable.Range(0, g.PairCount).Where(e => c.Engaged[g.Targets[e]] && c.Parameters.TempoRungs.Of(g.AccountIds[g.Targets[e]]) == rung))
                {
                    int u = g.Sources[e], v = g.Targets[e];
                    var inflow = Enumerable.Range(0, g.PairCount).Where(f => g.Targets[f] == u && g.Sources[f] != v).Sum(P);
                    var expected = p.ImpactWeight * p.Damping * (1 + (p.Damping * inflow)) * P(e);
                    Assert.Equal(expected, c.ImpactContribution[e], 1e-12);
                }
            }

            Assert.All(c.PageRank, x => Assert.Equal(0, x));
        }, iter: 300);
    }

    /// <summary>A as account 1 in a chain 4 → 3 → 2 → 1 (with a second engager 5 of A so that A is not scored alone),
    /// before and after A reposts 4.</summary>
    private static (long A, ScoringInput Before, ScoringInput After) ReturnWalk()
    {
        (long, long, InteractionKind, long, double)[] chain =
        [
            (2, 1, InteractionKind.Repost, T0, 1), (5, 1, InteractionKind.Reply, T0 + Minute, 1), (3, 2, InteractionKind.Repost, T0 + (2 * Minute), 1),
            (4, 3, InteractionKind.Repost, T0 + (3 * Minute), 1), (1, 5, InteractionKind.Like, T0 + (4 * Minute), 1), (3, 4, InteractionKind.Mention, T0 + (5 * Minute), 1),
        ];
        return (1, Input(chain), Input([.. chain, (1, 4, InteractionKind.Repost, T0 + (6 * Minute), 1)]));
    }

    private static ScoringParameters Parameters(string version) =>
        ScoringAlgorithms.Defaults(AlgorithmId.Parse(version), AsOf) with { BootstrapReplicates = 2, TempoMinEngagers = 2 };

    private static double RawOf(ScoreComputation c, long account)
    {
        var v = Array.BinarySearch(c.Graph.AccountIds, account);
        return v >= 0 ? c.Raw[v] : 0;
    }
}
