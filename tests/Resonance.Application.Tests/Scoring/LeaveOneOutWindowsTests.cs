using CsCheck;
using Resonance.Application.Scoring;
using Resonance.Application.Synthetic;
using Resonance.Domain;
using Resonance.Tests.Shared;
using static Resonance.Application.Tests.Scoring.OwnActivityRows;

namespace Resonance.Application.Tests.Scoring;

/// <summary>resonance@7's windowed changed sets (<c>WindowedChanges</c>): leaving out the changes that cannot move what
/// F₋A is read at gives the scores and intervals of the full changed sets, bit for bit (docs/scoring.md, "resonance@7").</summary>
public sealed class LeaveOneOutWindowsTests
{
    private static readonly InteractionKind[] Kinds = [.. InteractionKinds.All];
    private static readonly LeaveOneOutScores.Tuning Full = new(FullOnly: true);

    /// <summary>Up to 60 accounts and 400 interactions, any kind, weights with ties (so raw scores tie), over 10 hours.</summary>
    internal static readonly Gen<(long, long, InteractionKind, long, double)[]> Rows =
        Gen.Int[3, 60].SelectMany(people => Gen.Select(Gen.Long[1, people], Gen.Long[1, people], Gen.Int[0, Kinds.Length - 1], Gen.Long[0, 600], Gen.Int[0, 3])
            .Select(r => (r.Item1, r.Item2, Kinds[r.Item3], T0 + (r.Item4 * Minute), r.Item5 * 0.5)).Array[1, 400]);

    /// <summary>Windows from none (every lookup widened or sent to the full set) to the default, 2 to 1,001 quantiles.</summary>
    private static readonly Gen<(LeaveOneOutScores.Tuning Tuning, int Quantiles)> Tunings =
        Gen.Select(Gen.OneOfConst(0.0, 0.01, 0.1, 0.5, 1.0), Gen.Int[0, 2], Gen.OneOfConst(2, 3, 5, 11, 101, 1001))
            .Select(t => (new LeaveOneOutScores.Tuning(t.Item1, t.Item2), t.Item3));

    [Fact]
    public void Windowed_changed_sets_give_the_full_sets_scores_and_intervals_bit_for_bit_on_random_graphs()
    {
        var ct = TestContext.Current.CancellationToken;
        long firstTry = 0, widened = 0, full = 0;
        Gen.Select(Rows, Tunings).Sample(c =>
        {
            var p = ScoringAlgorithms.Defaults(AlgorithmId.Parse("resonance@7"), AsOf) with
            {
                BootstrapReplicates = 8, TempoMinEngagers = 2, CalibrationQuantiles = c.Item2.Quantiles,
            };
            var built = PerAccountTempo.Build(Input(c.Item1), p);
            var expected = PerAccountTempo.ScoreTuned(built, Full, ct: ct);
            var actual = PerAccountTempo.ScoreTuned(built, c.Item2.Tuning, ct: ct);
            AssertSame(expected, actual);
            var counts = actual.LeaveOneOut!.LastCounts;
            Interlocked.Add(ref firstTry, counts.FirstTry);
            Interlocked.Add(ref widened, counts.Widened);
            Interlocked.Add(ref full, counts.Full);
        }, iter: 600);

        // All three routes were taken, so each was compared with the full sets.
        Assert.True(firstTry > 0 && widened > 0 && full > 0, $"first try {firstTry}, widened {widened}, full {full}");
    }

    [Fact]
    public void Windowed_lookups_at_any_replicate_value_match_the_full_sets_including_ties_and_lost_engagers()
    {
        // Replicate raw scores drawn to tie other accounts' raw scores, sit one ulp beside them, be 0, or fall anywhere.
        var ct = TestContext.Current.CancellationToken;
        Gen.Select(Rows, Tunings, Gen.Int[1, 9], Gen.Int).Sample(c =>
        {
            var p = ScoringAlgorithms.Defaults(AlgorithmId.Parse("resonance@7"), AsOf) with
            {
                TempoMinEngagers = 2, CalibrationQuantiles = c.Item2.Quantiles,
            };
            var run = PerAccountTempo.ScoreTuned(PerAccountTempo.Build(Input(c.Item1), p), Full, intervals: false, ct: ct);
            var raws = run.Raw.Where(r => r > 0).ToArray();
            if (raws.Length == 0)
            {
                return;
            }

            var random = new Random(c.Item4);
            var slotOf = new int[run.Raw.Length];
            var slots = 0;
            for (var v = 0; v < slotOf.Length; v++)
            {
                slotOf[v] = run.Engaged[v] ? slots++ : -1;
            }

            var replicates = new double[c.Item3][];
            for (var b = 0; b < replicates.Length; b++)
            {
                replicates[b] = new double[slots];
                for (var s = 0; s < slots; s++)
                {
                    var tie = raws[random.Next(raws.Length)];
                    replicates[b][s] = random.Next(5) switch
                    {
                        0 => 0,
                        1 => tie,
                        2 => Math.BitIncrement(tie),
                        3 => Math.BitDecrement(tie),
                        _ => random.NextDouble() * raws.Max() * 1.2,
                    };
                }
            }

            var loo = run.LeaveOneOut!;
            var expected = loo.ScoreAll(run.Raw, run.Engaged, replicates, slotOf, p.IntervalLevel, null, ct, Full);
            var actual = loo.ScoreAll(run.Raw, run.Engaged, replicates, slotOf, p.IntervalLevel, null, ct, c.Item2.Tuning);
            Assert.Equal(expected.Score.Select(Bits), actual.Score.Select(Bits));
            Assert.Equal(expected.Low.Select(Bits), actual.Low.Select(Bits));
            Assert.Equal(expected.High.Select(Bits), actual.High.Select(Bits));
        }, iter: 400);
    }

    [Fact]
    public void On_a_dense_generated_community_the_windowed_sets_are_exact_and_almost_never_need_the_full_set()
    {
        // 2,000 people in communities that engage each other densely: the case the windows are for.
        var ct = TestContext.Current.CancellationToken;
        var input = ScoringInputs.FromRecords(SyntheticNetworkGenerator.Generate(new SyntheticOptions { People = 2_000, Seed = 1 }).Records).Input;
        var p = ScoringAlgorithms.Defaults(AlgorithmId.Parse("resonance@7"), input.LatestTimeMs!.Value) with { BootstrapReplicates = 8 };
        var built = PerAccountTempo.Build(input, p);
        var actual = PerAccountTempo.ScoreTuned(built, null, ct: ct);
        AssertSame(PerAccountTempo.ScoreTuned(built, Full, ct: ct), actual);
        AssertMostlyWindowed(actual);
    }

    [Fact]
    public void On_higgs_the_windowed_sets_are_exact_for_every_account()
    {
        var ct = TestContext.Current.CancellationToken;
        var input = ScoringInputs.FromFile(SharedData.File("higgs-twitter/higgs-activity_time.txt"), "higgs-activity").Input;
        var p = ScoringAlgorithms.Defaults(AlgorithmId.Parse("resonance@7"), input.LatestTimeMs!.Value) with { BootstrapReplicates = 4 };
        var built = PerAccountTempo.Build(input, p);
        var actual = PerAccountTempo.ScoreTuned(built, null, ct: ct);
        AssertSame(PerAccountTempo.ScoreTuned(built, Full, ct: ct), actual);
        AssertMostlyWindowed(actual);
    }

    private static void AssertMostlyWindowed(ScoreComputation run)
    {
        var counts = run.LeaveOneOut!.LastCounts;
        var engaged = run.Engaged.Count(e => e);
        Assert.Equal(engaged, counts.FirstTry + counts.Widened + counts.Full);
        Assert.True(counts.Full * 100 <= engaged, $"{counts.Full} of {engaged} accounts needed the full changed set");
    }

    private static void AssertSame(ScoreComputation expected, ScoreComputation actual)
    {
        Assert.Equal(expected.Raw.Select(Bits), actual.Raw.Select(Bits));
        Assert.Equal(expected.Score.Select(Bits), actual.Score.Select(Bits));
        Assert.Equal(expected.ScoreLow.Select(Bits), actual.ScoreLow.Select(Bits));
        Assert.Equal(expected.ScoreHigh.Select(Bits), actual.ScoreHigh.Select(Bits));
    }
}
