using CsCheck;
using Resonance.Application.Scoring;
using Resonance.Domain;
using Resonance.Engine.Statistics;
using static Resonance.Application.Tests.Scoring.OwnActivityRows;

namespace Resonance.Application.Tests.Scoring;

/// <summary>resonance@7: an account's own outgoing activity never changes its own 1–100 score or interval, bit for bit,
/// because its score is read through the leave-one-out calibration F₋A (docs/scoring.md, "resonance@7").</summary>
public sealed class OwnActivityScoreExactTests
{
    private static readonly Gen<((long, long, InteractionKind, long, double)[] Rows, long A, (long, long, InteractionKind, long, double)[] Extra)> Cases =
        Gen.Select(Row(10).Array[1, 80], Gen.Long[1, 10], Row(12).Array[1, 30]);

    [Fact]
    public void Adding_any_outgoing_actions_never_changes_your_own_resonance_7_score_or_interval()
    {
        Cases.Sample(c => SameScore("resonance@7", c.Rows, c.A, c.Extra), iter: 600);
    }

    [Fact]
    public void The_same_property_fails_for_resonance_6_whose_calibration_includes_your_own_actions()
    {
        // Mutation check: with the run's plain calibration (and pair-index bootstrap draws) the property is false.
        var failure = Assert.ThrowsAny<Exception>(() => Cases.Sample(c => SameScore("resonance@6", c.Rows, c.A, c.Extra), iter: 600));
        Assert.True(failure.Message.Contains("Assert.Equal() Failure", StringComparison.Ordinal), failure.Message);
    }

    [Fact]
    public void Your_score_is_your_plain_percentile_in_a_run_on_the_data_without_your_outgoing_interactions()
    {
        var ct = TestContext.Current.CancellationToken;
        Cases.Sample(c =>
        {
            var p = Parameters("resonance@7");
            var full = ScoringPipeline.Score(Input(c.Rows), p, ct: ct);
            var without = ScoringPipeline.Score(Input([.. c.Rows.Where(r => r.Item1 != c.A)]), p, ct: ct);
            var a = Array.BinarySearch(full.Graph.AccountIds, c.A);
            if (a < 0 || !full.Engaged[a])
            {
                return;
            }

            var b = Array.BinarySearch(without.Graph.AccountIds, c.A);
            // The plain calibration of the run on D minus A's out-edges, as the run stores it for A's rung.
            var plain = new QuantileCalibration(without.CalibrationFor(b)).Score(without.Raw[b]);
            Assert.Equal(Bits(plain), Bits(full.Score[a]));
            Assert.Equal(Bits(without.Score[b]), Bits(full.Score[a]));
            Assert.Equal(Bits(without.ScoreLow[b]), Bits(full.ScoreLow[a]));
            Assert.Equal(Bits(without.ScoreHigh[b]), Bits(full.ScoreHigh[a]));
        }, iter: 600);
    }

    [Fact]
    public void An_account_with_no_outgoing_interactions_is_read_through_the_runs_own_calibration()
    {
        var ct = TestContext.Current.CancellationToken;
        Row(10).Array[1, 80].Sample(rows =>
        {
            var c = ScoringPipeline.Score(Input(rows), Parameters("resonance@7"), intervals: false, ct: ct);
            var actors = rows.Where(r => r.Weight > 0).Select(r => r.Actor).ToHashSet();
            foreach (var v in Enumerable.Range(0, c.Graph.NodeCount).Where(v => c.Engaged[v] && !actors.Contains(c.Graph.AccountIds[v])))
            {
                Assert.Equal(Bits(new QuantileCalibration(c.CalibrationFor(v)).Score(c.Raw[v])), Bits(c.Score[v]));
            }
        }, iter: 300);
    }

    private static void SameScore(string version, (long, long, InteractionKind, long, double)[] rows, long a, (long, long, InteractionKind, long, double)[] extra)
    {
        var ct = TestContext.Current.CancellationToken;
        var p = Parameters(version);
        var before = ScoringPipeline.Score(Input(rows), p, ct: ct);
        var after = ScoringPipeline.Score(Input([.. rows, .. extra.Select(e => e with { Item1 = a })]), p, ct: ct);
        var v0 = Array.BinarySearch(before.Graph.AccountIds, a);
        var v1 = Array.BinarySearch(after.Graph.AccountIds, a);
        if (v0 < 0 || !before.Engaged[v0])
        {
            return;
        }

        Assert.Equal(Bits(before.Score[v0]), Bits(after.Score[v1]));
        Assert.Equal(Bits(before.ScoreLow[v0]), Bits(after.ScoreLow[v1]));
        Assert.Equal(Bits(before.ScoreHigh[v0]), Bits(after.ScoreHigh[v1]));
    }

    private static ScoringParameters Parameters(string version) =>
        ScoringAlgorithms.Defaults(AlgorithmId.Parse(version), AsOf) with { BootstrapReplicates = 8, TempoMinEngagers = 2 };
}
