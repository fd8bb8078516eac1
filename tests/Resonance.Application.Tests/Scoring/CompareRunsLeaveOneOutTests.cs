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

    private static async Task<(MemoryScoreStore Store, ScoreRunInfo A, ScoreRunInfo B)> TwoRunsAsync(CancellationToken ct, int versionA = 7,
        long asOfA = EarlyMs)
    {
        var store = new MemoryScoreStore(ScoringInputs.FromFile(SharedData.File(Higgs), "higgs-activity").Input);
        async Task<ScoreRunInfo> Run(int version, long asOf)
        {
            var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", version), asOf) with { WindowDays = 5 };
            var input = await store.LoadWindowAsync(p, ct);
            return await store.SaveAsync(input, ScoringPipeline.Score(input, p, intervals: false, ct: ct), ct);
        }

        return (store, await Run(versionA, asOfA), await Run(7, LateMs));
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
        var inBoth = c.Movers.Where(m => scoresA.ContainsKey(m.AccountId) && scoresB.ContainsKey(m.AccountId)).ToList();
        long[] ids = [.. inBoth.Select(m => m.AccountId)];
        var readA = await RunRescoring.ReadersAsync(store, a, ids, "test", ct);
        var readB = await RunRescoring.ReadersAsync(store, b, ids, "test", ct);
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
        // One more repost inside both runs' windows: B's scores can no longer be re-read through F₋A (A's are only read at
        // the movers' own raw scores, its stored scores).
        store.Input = new ScoringInput([.. input.ActorIds, input.ActorIds[1]], [.. input.TargetIds, input.TargetIds[7]], [.. input.Kinds, InteractionKind.Repost],
            [.. input.TimesMs, input.TimesMs[0]], [.. input.Weights, 1.0], input.PostAuthorIds, input.PostTimesMs);

        var c = await new CompareRunsService(store).CompareAsync(a.Id, b.Id, movers: 2000, ct);

        Assert.Contains($"run {b.Id}'s window now holds", c.PopulationUnavailable, StringComparison.Ordinal);
        Assert.All(c.Movers, m => Assert.Null(m.PopulationShift));
        Assert.All(c.Movers, m => Assert.DoesNotContain("population shift", m.Reason, StringComparison.Ordinal));
        Assert.True(c.InBoth > 1000 && c.Spearman > 0.5, $"{c.InBoth} in both, ρ {c.Spearman}");
    }

    [Fact]
    public async Task Between_two_versions_on_the_same_window_the_whole_change_is_the_versions_and_the_population_shift_is_zero()
    {
        // resonance@6 → @7 on one window of unchanged data: diff's reference (@7 re-run on A's window) is B itself, so the
        // change of calibration method is the version's, not a population shift.
        var ct = TestContext.Current.CancellationToken;
        var (store, a, b) = await TwoRunsAsync(ct, versionA: 6, asOfA: LateMs);

        var c = await new CompareRunsService(store).CompareAsync(a.Id, b.Id, movers: 50, ct);

        var inBoth = c.Movers.Where(m => m.PopulationShift is not null).ToList();
        Assert.True(inBoth.Count > 10 && inBoth.Any(m => m.Change != 0), $"{inBoth.Count} movers scored in both");
        Assert.All(inBoth, m => Assert.Equal(0, m.PopulationShift));
        Assert.All(inBoth, m => Assert.Equal(m.Change, m.VersionChange!.Value + m.PopulationShift!.Value));
        Assert.All(inBoth, m => Assert.DoesNotContain("population shift", m.Reason, StringComparison.Ordinal));
        Assert.All(inBoth, m => Assert.Contains("version resonance@6 → resonance@7", m.Reason, StringComparison.Ordinal));

        // diff agrees: the whole change of the largest mover is its algorithm part.
        var diff = await new DiffService(store).DiffAsync(MemoryScoreStore.Named(inBoth[0].AccountId), a.Id, b.Id, ct);
        Assert.Equal(0, diff.PopulationShift);
        Assert.Equal(0, diff.EngagementChange);
        Assert.Equal(inBoth[0].VersionChange, diff.AlgorithmChange);

        // On different windows the version and data changes are not separated here (diff does that).
        var early = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 6), EarlyMs) with { WindowDays = 5 };
        var input = await store.LoadWindowAsync(early, ct);
        var earlyRun = await store.SaveAsync(input, ScoringPipeline.Score(input, early, intervals: false, ct: ct), ct);
        var other = await new CompareRunsService(store).CompareAsync(earlyRun.Id, b.Id, movers: 5, ct);
        Assert.All(other.Movers, m => Assert.Null(m.VersionChange));
    }
}
