using Resonance.Application.Scoring;
using Resonance.Tests.Shared;

namespace Resonance.Application.Tests.Scoring;

/// <summary>Predictive validity on real data (docs/scoring.md, "Validation").</summary>
/// <remarks>The bar (issue #3): at the 0.5, 0.6 and 0.7 splits, 95% of the best naive baseline on both measures and 3×
/// the activity baseline (activity's ρ is about 0 on the cascades, so the 3× test uses its absolute value).
/// resonance@1 meets it on Higgs, and on the URL cascades on ρ only (its top-1% precision there is a known gap,
/// docs/scoring.md); the drafts resonance@3 (fast decay), resonance@4 (decay fitted to the network's tempo) and
/// resonance@5 (the same fit per account, without the account's own actions) and resonance@6 (@5 with an exact
/// two-step standing in the impact term) meet it everywhere on these two one-to-two-week datasets.</remarks>
public sealed class EvaluationRealDataTests
{
    private const string Higgs = "higgs-twitter/higgs-activity_time.txt";
    private const string Cascades = "twitter-url-cascades-2010/cascades.txt";

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.6)]
    [InlineData(0.7)]
    public void On_higgs_resonance_1_predicts_future_engagers_as_well_as_the_best_baseline(double split)
    {
        var (input, _) = ScoringInputs.FromFile(SharedData.File(Higgs), "higgs-activity");

        var report = Evaluation.Run(input, new AlgorithmId("resonance", 1), null, [split], ct: TestContext.Current.CancellationToken);

        var rows = report.Splits[0].Predictors;
        var table = string.Join("\n", rows.Select(r => $"{r.Name}: rho {r.Spearman:F3} p@1% {r.PrecisionAtTopPercent:F3}"));
        var score = rows.Single(r => r.Name == Evaluation.ScoreName);
        var baselines = rows.Where(r => r.Name != Evaluation.ScoreName).ToList();
        var activity = rows.Single(r => r.Name.StartsWith("activity", StringComparison.Ordinal));
        Assert.True(score.Spearman >= 0.95 * baselines.Max(b => b.Spearman), table);
        Assert.True(score.PrecisionAtTopPercent >= 0.95 * baselines.Max(b => b.PrecisionAtTopPercent), table);
        Assert.True(score.Spearman >= 3 * activity.Spearman && score.PrecisionAtTopPercent >= 3 * activity.PrecisionAtTopPercent, table);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.6)]
    [InlineData(0.7)]
    public void On_url_cascades_resonance_1_ranks_future_engagers_as_well_as_the_best_baseline(double split)
    {
        var (input, _) = ScoringInputs.FromFile(SharedData.File(Cascades), "cascades");

        var rows = Evaluation.Run(input, new AlgorithmId("resonance", 1), null, [split], ct: TestContext.Current.CancellationToken).Splits[0].Predictors;

        var table = string.Join("\n", rows.Select(r => $"{r.Name}: rho {r.Spearman:F3} p@1% {r.PrecisionAtTopPercent:F3}"));
        var score = rows.Single(r => r.Name == Evaluation.ScoreName);
        var activity = rows.Single(r => r.Name.StartsWith("activity", StringComparison.Ordinal));
        Assert.True(score.Spearman >= 0.95 * rows.Where(r => r != score).Max(b => b.Spearman), table);
        Assert.True(score.Spearman >= 3 * Math.Abs(activity.Spearman), table);
    }

    private static readonly Dictionary<string, Lazy<ScoringInput>> Inputs = new(StringComparer.Ordinal)
    {
        [Higgs] = new(() => ScoringInputs.FromFile(SharedData.File(Higgs), "higgs-activity").Input),
        [Cascades] = new(() => ScoringInputs.FromFile(SharedData.File(Cascades), "cascades").Input),
    };

    /// <summary>Every (tempo version, dataset, split) case: resonance@3 to @7 on Higgs and the cascades at 0.5–0.7.</summary>
    public static TheoryData<int, string, double> TempoDraftCases()
    {
        var cases = new TheoryData<int, string, double>();
        foreach (var version in new[] { 3, 4, 5, 6, 7 })
        {
            foreach (var file in new[] { Higgs, Cascades })
            {
                foreach (var split in new[] { 0.5, 0.6, 0.7 })
                {
                    cases.Add(version, file, split);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(TempoDraftCases))]
    public void The_tempo_drafts_meet_the_bar_on_both_datasets(int version, string file, double split)
    {
        _ = SharedData.File(file);
        var input = Inputs[file].Value; // read once for all versions and splits

        var rows = Evaluation.Run(input, new AlgorithmId("resonance", version), null, [split], ct: TestContext.Current.CancellationToken).Splits[0].Predictors;

        var table = string.Join("\n", rows.Select(r => $"{r.Name}: rho {r.Spearman:F3} p@1% {r.PrecisionAtTopPercent:F3}"));
        var score = rows.Single(r => r.Name == Evaluation.ScoreName);
        var baselines = rows.Where(r => r.Name != Evaluation.ScoreName).ToList();
        var activity = rows.Single(r => r.Name.StartsWith("activity", StringComparison.Ordinal));
        Assert.True(score.Spearman >= 0.95 * baselines.Max(b => b.Spearman), table);
        Assert.True(score.PrecisionAtTopPercent >= 0.95 * baselines.Max(b => b.PrecisionAtTopPercent), table);
        Assert.True(score.Spearman >= 3 * Math.Abs(activity.Spearman) && score.PrecisionAtTopPercent >= 3 * activity.PrecisionAtTopPercent, table);
    }

    [Fact]
    public void Baselines_reproduce_the_reference_script_on_higgs()
    {
        // Reference values printed by ../shared/bench/validity_higgs.py higgs-activity_time.txt 0.6 (numpy/scipy).
        var (input, _) = ScoringInputs.FromFile(SharedData.File(Higgs), "higgs-activity");

        var rows = Evaluation.Run(input, new AlgorithmId("resonance", 1), null, [0.6], ct: TestContext.Current.CancellationToken).Splits[0].Predictors.ToDictionary(r => r.Name);

        Assert.Equal(0.010, rows["activity (actions taken)"].Spearman, 0.0015);
        Assert.Equal(0.324, rows["engagements received"].Spearman, 0.0015);
        Assert.Equal(0.456, rows["engagements received"].PrecisionAtTopPercent, 0.0015);
        Assert.Equal(0.452, rows["distinct engagers"].PrecisionAtTopPercent, 0.0015);
        Assert.Equal(0.403, rows["engagement PageRank"].PrecisionAtTopPercent, 0.0015);
    }
}
