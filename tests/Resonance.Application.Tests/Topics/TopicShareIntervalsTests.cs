using Resonance.Application.Scoring;
using Resonance.Application.Tests.Synthetic;
using Resonance.Application.Topics;
using Resonance.Engine.Randomness;
using Resonance.Engine.Statistics;

namespace Resonance.Application.Tests.Topics;

/// <summary>topic-share's intervals against a plain reference on the default synthetic dataset: each account's replicate b is
/// Σ over its topic lines, in line order, of the main run's draw for the (engager, account) pair times the line's total,
/// with the draw taken by the accumulating inverse transform (resonance@7's definition) or by pair index (topic-share@1).</summary>
public class TopicShareIntervalsTests
{
    private static readonly Lazy<(TopicCorpus Corpus, PostTopicIndex Index, ScoreComputation Main)> Data = new(() =>
    {
        var (corpus, _) = TopicCorpora.FromRecords(SyntheticSample.Default.Records);
        var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 7), corpus.Input.LatestTimeMs!.Value) with { BootstrapReplicates = 40 };
        return (corpus, new PostTopicIndex(corpus.Posts, new TopicExtractor(TopicTaxonomy.BuiltIn)), ScoringPipeline.Score(corpus.Input, p));
    });

    [Theory]
    [InlineData(TopicParameters.PairKeyedShareMethod)]
    [InlineData(TopicParameters.ShareMethod)]
    public void EveryInterval_IsThePlainReplicateSumsQuantiles_BitForBit(string method)
    {
        var (corpus, index, main) = Data.Value;
        var rankings = TopicShareScoring.Score(main, corpus, index, method, degreeOfParallelism: 2, ct: TestContext.Current.CancellationToken);
        var p = main.Parameters;
        var g = main.Graph;
        var draws = Enumerable.Range(0, p.BootstrapReplicates).Select(b => Draws(p.Seed, b, g, method)).ToArray();
        var tail = (1 - p.IntervalLevel) / 2;
        var checkedScores = 0;
        var wide = 0;
        foreach (var ranking in rankings)
        {
            var calibration = QuantileCalibration.Fit([.. ranking.Scores.Select(s => s.Raw)], p.CalibrationQuantiles);
            foreach (var lines in ranking.Contributions.GroupBy(c => c.AccountId))
            {
                var score = ranking.Scores.Single(s => s.AccountId == lines.Key);
                var column = new double[p.BootstrapReplicates];
                for (var b = 0; b < column.Length; b++)
                {
                    var sum = 0.0;
                    foreach (var c in lines)
                    {
                        sum += draws[b](c.EngagerId, c.AccountId) * (c.Reach + c.Amplification + c.Impact);
                    }

                    column[b] = sum > 0 ? (float)calibration.Score(sum) : 1f;
                }

                Array.Sort(column);
                Assert.Equal(calibration.Score(score.Raw), score.Score);
                Assert.Equal(Math.Min(score.Score, SortedQuantile.At(column, tail)), score.Low);
                Assert.Equal(Math.Max(score.Score, SortedQuantile.At(column, 1 - tail)), score.High);
                checkedScores++;
                wide += score.High > score.Low ? 1 : 0;
            }
        }

        Assert.True(checkedScores > 1000, $"{checkedScores} scores checked");
        Assert.True(wide > checkedScores / 2, $"{wide} of {checkedScores} intervals have a width");
    }

    /// <summary>Replicate <paramref name="b"/>'s multiplicity of the pair (engager, engaged), as the main run draws it.</summary>
    private static Func<long, long, int> Draws(ulong seed, int b, EngagementGraph g, string method)
    {
        var stream = SplitMix64.Derive(seed, (ulong)b);
        if (method == TopicParameters.PairKeyedShareMethod)
        {
            return (engager, engaged) => PoissonOneByAccumulation(SplitMix64.Derive(stream, LeaveOneOutScores.PairKey(engager, engaged)));
        }

        var rng = new Xoshiro256StarStar(stream);
        var byIndex = Enumerable.Range(0, g.PairCount).Select(_ => Sampling.Poisson(ref rng, 1.0)).ToArray();
        var pairOf = Enumerable.Range(0, g.PairCount).ToDictionary(e => (g.AccountIds[g.Sources[e]], g.AccountIds[g.Targets[e]]));
        return (engager, engaged) => byIndex[pairOf[(engager, engaged)]];
    }

    /// <summary>resonance@7's pair draw as first written: Poisson(1) by inverse transform, the CDF accumulated term by term.</summary>
    internal static int PoissonOneByAccumulation(ulong hash)
    {
        var u = (hash >> 11) * (1.0 / (1UL << 53));
        return PoissonOneByAccumulation(u);
    }

    /// <summary>The accumulating inverse transform of the uniform <paramref name="u"/>.</summary>
    internal static int PoissonOneByAccumulation(double u)
    {
        var k = 0;
        var pk = 0.36787944117144233;
        var cdf = pk;
        while (u >= cdf && k < 64)
        {
            k++;
            pk /= k;
            cdf += pk;
        }

        return k;
    }
}
