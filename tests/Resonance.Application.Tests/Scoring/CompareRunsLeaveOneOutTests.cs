using Resonance.Application.Scoring;
using Resonance.Domain;
using Resonance.Engine.Statistics;
using Resonance.Tests.Shared;

namespace Resonance.Application.Tests.Scoring;

/// <summary><c>compare-runs</c> between two resonance@7 runs on Higgs' first 44,288 and 53,746 interactions: a mover's
/// population shift reads A's raw score through each run's leave-one-out calibration F₋A, as the runs read their own
/// scores and as <c>diff</c> does (docs/scoring.md, section 5).</summary>
public sealed class CompareRunsLeaveOneOutTests
{
    private const string Higgs = "higgs-twitter/higgs-activity_time.txt";
    private const long EarlyMs = 1_341_340_000_000;
    private const long LateMs = 1_341_360_000_000;

    private static async Task<(MemoryScoreStore Store, ScoreRunInfo A, ScoreRunInfo B)> TwoRunsAsync(CancellationToken ct)
    {
        var store = new MemoryScoreStore(ScoringInputs.FromFile(SharedData.File(Higgs), "higgs-activity").Input);
        async Task<ScoreRunInfo> Run(long asOf)
        {
            var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 7), asOf) with { WindowDays = 5 };
            var input = await store.LoadWindowAsync(p, ct);
            return await store.SaveAsync(input, ScoringPipeline.Score(input, p, intervals: false, ct: ct), ct);
        }

        return (store, await Run(EarlyMs), await Run(LateMs));
    }

    [Fact]
    public async Task A_movers_population_shift_reads_through_each_runs_leave_one_out_calibration_as_diff_does()
    {
        var ct = TestContext.Current.CancellationToken;
        var (store, a, b) = await TwoRunsAsync(ct);
        var scoresA = (await store.AllScoresAsync(a.Id, ct)).ToDictionary(s => s.AccountId);
        var scoresB = (await store.AllScoresAsync(b.Id, ct)).ToDictionary(s => s.AccountId);

        var c = await new CompareRunsService(store).CompareAsync(a.Id, b.Id, movers: 2000, ct);

        Assert.Null(c.PopulationUnavailable);
        var readA = await RunRescoring.ReadersAsync(store, a, "test", ct);
        var readB = await RunRescoring.ReadersAsync(store, b, "test", ct);
        var inBoth = c.Movers.Where(m => scoresA.ContainsKey(m.AccountId) && scoresB.ContainsKey(m.AccountId)).ToList();
        Assert.True(inBoth.Count > 100, $"{inBoth.Count} of the movers are scored in both runs");
        var plainDiffers = 0;
        foreach (var m in inBoth)
        {
            var (sa, sb) = (scoresA[m.AccountId], scoresB[m.AccountId]);
            // The readers are the ones the scores were made with: each run's stored score comes back bit for bit.
            Assert.Equal(sa.Score, readA(m.AccountId)(sa.Raw));
            Assert.Equal(sb.Score, readB(m.AccountId)(sb.Raw));
            Assert.Equal(readB(m.AccountId)(sa.Raw) - readA(m.AccountId)(sa.Raw), m.PopulationShift);
            var plain = new QuantileCalibration(b.CalibrationFor(m.AccountId)).Score(sa.Raw) - new QuantileCalibration(a.CalibrationFor(m.AccountId)).Score(sa.Raw);
            plainDiffers += plain != m.PopulationShift ? 1 : 0;
        }

        // What compare-runs read before: the stored plain quantiles, which are not how these scores were made.
        Assert.True(plainDiffers > 0, $"the plain reading agrees with F₋A on all {inBoth.Count} movers: the test cannot tell them apart");

        // The population part of diff between two runs of one version, for the largest movers scored in both.
        foreach (var m in inBoth.Take(2))
        {
            var diff = await new DiffService(store).DiffAsync(MemoryScoreStore.Named(m.AccountId), a.Id, b.Id, ct);
            Assert.Equal(diff.PopulationShift, m.PopulationShift);
        }
    }

    [Fact]
    public async Task When_a_leave_one_out_runs_window_changed_the_movers_carry_no_population_shift_and_the_comparison_says_why()
    {
        var ct = TestContext.Current.CancellationToken;
        var (store, a, b) = await TwoRunsAsync(ct);
        var input = store.Input;
        // One more repost inside run A's window: its scores can no longer be re-read through F₋A.
        store.Input = new ScoringInput([.. input.ActorIds, input.ActorIds[1]], [.. input.TargetIds, input.TargetIds[7]], [.. input.Kinds, InteractionKind.Repost],
            [.. input.TimesMs, input.TimesMs[0]], [.. input.Weights, 1.0], input.PostAuthorIds, input.PostTimesMs);

        var c = await new CompareRunsService(store).CompareAsync(a.Id, b.Id, movers: 2000, ct);

        Assert.Contains($"run {a.Id}'s window now holds", c.PopulationUnavailable, StringComparison.Ordinal);
        Assert.All(c.Movers, m => Assert.Null(m.PopulationShift));
        Assert.All(c.Movers, m => Assert.DoesNotContain("population shift", m.Reason, StringComparison.Ordinal));
        Assert.True(c.InBoth > 1000 && c.Spearman > 0.5, $"{c.InBoth} in both, ρ {c.Spearman}");
    }
}
