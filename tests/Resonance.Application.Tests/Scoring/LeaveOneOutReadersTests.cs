using CsCheck;
using Resonance.Application.Scoring;
using Resonance.Application.Synthetic;
using Resonance.Tests.Shared;
using static Resonance.Application.Tests.Scoring.OwnActivityRows;

namespace Resonance.Application.Tests.Scoring;

/// <summary>resonance@7's readers without a re-run (<c>PerAccountTempo.LeaveOneOutReaders</c>, what <c>diff</c> and
/// <c>compare-runs</c> read an @7 run through): for every account asked for, F₋A at any raw value is bit for bit what the
/// full computation's reader gives (docs/scoring.md, "resonance@7", Readers).</summary>
public sealed class LeaveOneOutReadersTests
{
    [Fact]
    public void On_random_graphs_every_accounts_reader_equals_the_full_computations_at_every_raw_value_bit_for_bit()
    {
        var ct = TestContext.Current.CancellationToken;
        var rungs = 0;
        Gen.Select(LeaveOneOutWindowsTests.Rows, Gen.OneOfConst(2, 3, 11, 101, 1001)).Sample(c =>
        {
            var p = ScoringAlgorithms.Defaults(AlgorithmId.Parse("resonance@7"), AsOf) with { TempoMinEngagers = 2, CalibrationQuantiles = c.Item2 };
            var input = Input(c.Item1);
            var full = ScoringPipeline.Score(input, p, intervals: false, ct: ct);
            if (full.Graph.NodeCount == 0)
            {
                return;
            }

            // Read back as a stored run is: from the run's recorded parameters (rungs and fit recorded, refitted).
            var (read, used) = PerAccountTempo.LeaveOneOutReaders(input, full.Parameters, full.Graph.AccountIds, ct: ct);
            if (full.Parameters.TempoRungs!.Count > 1)
            {
                Interlocked.Increment(ref rungs);
            }

            Assert.Equal(full.Graph.InteractionsUsed, used);
            AssertSameReaders(full, read, Enumerable.Range(0, full.Graph.NodeCount));

            // Scored accounts only: their rungs are the recorded ones, no fit.
            var engaged = Enumerable.Range(0, full.Graph.NodeCount).Where(v => full.Engaged[v]).ToArray();
            if (engaged.Length > 0)
            {
                var ids = engaged.Select(v => full.Graph.AccountIds[v]).ToHashSet();
                AssertSameReaders(full, PerAccountTempo.LeaveOneOutReaders(input, full.Parameters, ids, ids, ct: ct).Readers, engaged);
            }
        }, iter: 400);

        // Accounts at rungs other than the main one were compared too.
        Assert.True(rungs > 20, $"{rungs} of 400 graphs had more than one rung");
    }

    [Fact]
    public void On_a_dense_generated_community_the_readers_equal_the_full_computations()
    {
        // 2,000 people who engage each other densely: changed sets of hundreds of accounts, the case of the generated sets.
        var ct = TestContext.Current.CancellationToken;
        var input = ScoringInputs.FromRecords(SyntheticNetworkGenerator.Generate(new SyntheticOptions { People = 2_000, Seed = 1 }).Records).Input;
        var p = ScoringAlgorithms.Defaults(AlgorithmId.Parse("resonance@7"), input.LatestTimeMs!.Value);
        var full = ScoringPipeline.Score(input, p, intervals: false, ct: ct);
        var nodes = Enumerable.Range(0, full.Graph.NodeCount).Where(v => v % 7 == 0).ToArray();
        var ids = nodes.Select(v => full.Graph.AccountIds[v]).ToHashSet();
        AssertSameReaders(full, PerAccountTempo.LeaveOneOutReaders(input, full.Parameters, ids, ct: ct).Readers, nodes);
        var scored = nodes.Where(v => full.Engaged[v]).ToArray();
        var scoredIds = scored.Select(v => full.Graph.AccountIds[v]).ToHashSet();
        AssertSameReaders(full, PerAccountTempo.LeaveOneOutReaders(input, full.Parameters, scoredIds, scoredIds, ct: ct).Readers, scored);
    }

    [Fact]
    public async Task On_a_higgs_prefix_the_run_readers_give_the_stored_scores_and_the_full_re_runs_reads_bit_for_bit()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new MemoryScoreStore(ScoringInputs.FromFile(SharedData.File("higgs-twitter/higgs-activity_time.txt"), "higgs-activity").Input);
        var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 7), 1_341_360_000_000) with { WindowDays = 5 };
        var input = await store.LoadWindowAsync(p, ct);
        var run = await store.SaveAsync(input, ScoringPipeline.Score(input, p, intervals: false, ct: ct), ct);
        var (_, rerun) = await RunRescoring.RescoreAsync(store, run, run.Parameters, "test", ct: ct);
        var scores = (await store.AllScoresAsync(run.Id, ct)).OrderBy(s => s.AccountId).ToList();
        var asked = scores.Where((_, i) => i % 10 == 0).Select(s => s.AccountId).Append(-1).ToArray();

        var read = await RunRescoring.ReadersAsync(store, run, asked, "test", ct);

        var nodes = asked.Select(id => Array.BinarySearch(rerun.Graph.AccountIds, id)).Where(v => v >= 0).ToArray();
        Assert.True(nodes.Length > 400, $"{nodes.Length} accounts compared");
        var values = Values(rerun, nodes.Length);
        foreach (var s in scores.Where(s => asked.Contains(s.AccountId)))
        {
            var reader = read(s.AccountId);
            Assert.Equal(Bits(s.Score), Bits(reader(s.Raw)));
            var full = RunRescoring.Reader(rerun, s.AccountId);
            Assert.Equal(values.Select(x => Bits(full(x))), values.Select(x => Bits(reader(x))));
        }

        // An account outside the graph reads through the run's own quantiles; one not asked for is refused.
        Assert.Equal(Bits(RunRescoring.Plain(run.CalibrationQuantiles)(1.5)), Bits(read(-1)(1.5)));
        Assert.Throws<ArgumentException>(() => read(scores[1].AccountId));
    }

    private static void AssertSameReaders(ScoreComputation full, Dictionary<long, Func<double, double>> read, IEnumerable<int> nodes)
    {
        var values = Values(full, 64);
        foreach (var v in nodes)
        {
            var expected = full.ScoreReader(v);
            var actual = read[full.Graph.AccountIds[v]];
            if (full.Engaged[v])
            {
                Assert.Equal(Bits(full.Score[v]), Bits(actual(full.Raw[v])));
            }

            Assert.Equal(values.Select(x => Read(expected, x)), values.Select(x => Read(actual, x)));
        }
    }

    /// <summary>The bits of a read, or the error when there is nothing to read through (the account's out-edges were all
    /// the engagement of its rung, so its changed sample is empty): both computations must agree on that too.</summary>
    private static string Read(Func<double, double> reader, double x)
    {
        try
        {
            return Bits(reader(x)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>Raw values to read at: every engaged account's raw score (ties with the sample), one ulp either side of a
    /// spread of them, 0, beyond both ends.</summary>
    private static double[] Values(ScoreComputation full, int spread)
    {
        var raws = full.Raw.Where(r => r > 0).Distinct().Order().ToArray();
        var step = Math.Max(1, raws.Length / spread);
        var picked = raws.Where((_, i) => i % step == 0).ToArray();
        return [.. (raws.Length <= 4 * spread ? raws : picked), .. picked.Select(Math.BitIncrement), .. picked.Select(Math.BitDecrement), 0, raws.FirstOrDefault() / 2,
            (raws.LastOrDefault() * 2) + 1];
    }
}
