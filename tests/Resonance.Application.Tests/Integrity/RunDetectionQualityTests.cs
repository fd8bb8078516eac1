using System.Globalization;
using Resonance.Application.Integrity;
using Resonance.Application.Scoring;
using Resonance.Application.Synthetic;
using Resonance.Application.Tests.Synthetic;

namespace Resonance.Application.Tests.Integrity;

/// <summary>Detection quality of the model a resonance@2 run actually uses (its window, follow-backs dropped, store-like
/// ids, posts with their text as <see cref="ScoreStoreLoading"/> loads them) on the default community's planted truth,
/// beside the same run without post texts (how runs were computed before texts were loaded).</summary>
public sealed class RunDetectionQualityTests
{
    [Fact]
    public void The_run_model_detects_each_planted_class_and_near_duplicates_need_the_texts()
    {
        var sample = SyntheticSample.Default;
        var (input, externalIds) = RecordInput.Build(sample.Records, withTexts: true);
        var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 2), input.LatestTimeMs!.Value);
        var truth = Renamed(sample.Truth, externalIds);

        var withTexts = EngagementGraph.Build(input, p).Integrity!;
        var withoutTexts = EngagementGraph.Build(input.WithTexts(null), p).Integrity!;
        var rows = DetectionQuality.Evaluate(withTexts, truth);
        var before = DetectionQuality.Evaluate(withoutTexts, truth);
        var nearDuplicate = DetectionQuality.Evaluate(withTexts, truth, withTexts.Signals.Single(s => s.Name == "near-duplicate").Scores);
        var nearDuplicateBefore = DetectionQuality.Evaluate(withoutTexts, truth, withoutTexts.Signals.Single(s => s.Name == "near-duplicate").Scores);

        var table = string.Join(Environment.NewLine, rows.Zip(before, nearDuplicate.Zip(nearDuplicateBefore)).Select(x => string.Create(CultureInfo.InvariantCulture,
            $"| {x.First.Class} | {x.First.Positives} | {x.First.Negatives} | {x.First.Auc:F4} ({x.Second.Auc:F4}) | {x.First.Precision:F3} ({x.Second.Precision:F3}) | {x.First.Recall:F3} ({x.Second.Recall:F3}) | near-duplicate alone {x.Third.First.Auc:F3} ({x.Third.Second.Auc:F3}) |")))
            + string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}genuine flagged {rows[0].GenuineFlagged} ({before[0].GenuineFlagged}); in parentheses: the run without post texts");
        TestContext.Current.TestOutputHelper?.WriteLine(table);

        Assert.All(rows, r => Assert.True(r.Positives > 0 && r.Auc >= 0.95 && r.Recall >= 0.9, table));
        Assert.True(rows[0].GenuineFlagged < rows[0].Negatives / 100, table);
        // Without texts the signal is silent (AUC 0.5 for every class); with them it separates the bots.
        Assert.All(nearDuplicateBefore, r => Assert.Equal(0.5, r.Auc));
        Assert.True(nearDuplicate[0].Auc >= 0.99, table);
    }

    [Fact]
    public void Evaluating_resonance2_reads_the_post_texts_of_the_training_part()
    {
        var (input, _) = RecordInput.Build(SyntheticSample.Default.Records, withTexts: true);
        var v2 = new AlgorithmId("resonance", 2);

        var withTexts = Evaluation.Run(input, v2, null, [0.6], ct: TestContext.Current.CancellationToken).Splits[0].Predictors.Single(x => x.Name == Evaluation.ScoreName);
        var withoutTexts = Evaluation.Run(input.WithTexts(null), v2, null, [0.6], ct: TestContext.Current.CancellationToken).Splits[0].Predictors.Single(x => x.Name == Evaluation.ScoreName);

        TestContext.Current.TestOutputHelper?.WriteLine($"Spearman with texts {withTexts.Spearman:F4}, without {withoutTexts.Spearman:F4}");
        Assert.NotEqual(withoutTexts.Spearman, withTexts.Spearman);
    }

    /// <summary>The truth with every external id written as the run's account id (its index in <paramref name="externalIds"/>).</summary>
    private static GroundTruth Renamed(GroundTruth truth, string[] externalIds)
    {
        string Id(string external) => Array.BinarySearch(externalIds, external, StringComparer.Ordinal).ToString(CultureInfo.InvariantCulture);
        return truth with { Bots = [.. truth.Bots.Select(Id)], PodMembers = [.. truth.PodMembers.Select(Id)], FarmAccounts = [.. truth.FarmAccounts.Select(Id)] };
    }
}
