using CsCheck;
using Resonance.Engine.Statistics;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Statistics;

public sealed class RocAucTests
{
    private static readonly Gen<(double[] Scores, bool[] Labels)> Cases =
        from n in Gen.Int[0, 40]
        from scores in StatisticsGens.Value.Array[n]
        from labels in Gen.Bool.Array[n]
        select (scores, labels);

    [Fact]
    public void RocAuc_ScikitLearnDocumentationExample_IsThreeQuarters()
    {
        // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75: of the four positive–negative
        // pairs only (0.35, 0.4) is ordered wrongly.
        Assert.Equal(0.75, RocAuc.Compute([0.1, 0.4, 0.35, 0.8], [false, false, true, true]));
    }

    [Fact]
    public void RocAuc_PerfectSeparation_IsExactlyOneAndReversedExactlyZero()
    {
        double[] scores = [0.5, -3, 7, 7, 12, 1e300];
        bool[] labels = [false, false, true, true, true, true];
        Assert.Equal(1.0, RocAuc.Compute(scores, labels));
        Assert.Equal(0.0, RocAuc.Compute(scores, labels.Select(l => !l).ToArray()));
    }

    [Fact]
    public void RocAuc_NoSeparation_IsExactlyOneHalf()
    {
        Assert.Equal(0.5, RocAuc.Compute([4, 4, 4, 4, 4], [true, false, false, true, false]));
        // Positives at the two ends, negatives in the middle: two pairs right, two wrong.
        Assert.Equal(0.5, RocAuc.Compute([1, 2, 3, 4], [true, false, false, true]));
    }

    [Fact]
    public void RocAuc_TiesAcrossClasses_CountOneHalf()
    {
        // Pairs (positive, negative): (2, 1) right, (2, 2) tie, (3, 1) right, (3, 2) right: (3 + 0.5) / 4.
        Assert.Equal(0.875, RocAuc.Compute([1, 2, 2, 3], [false, false, true, true]));
    }

    [Fact]
    public void RocAuc_OneClassEmpty_IsNaN()
    {
        Assert.True(double.IsNaN(RocAuc.Compute([], [])));
        Assert.True(double.IsNaN(RocAuc.Compute([1, 2, 3], [true, true, true])));
        Assert.True(double.IsNaN(RocAuc.Compute([1, 2, 3], [false, false, false])));
    }

    [Fact]
    public void RocAuc_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => RocAuc.Compute([1, 2, 3], [true, false]));
        Assert.Throws<ArgumentException>(() => RocAuc.Compute([1, double.NaN, 3], [true, false, true]));
    }

    [Fact]
    public void RocAuc_RandomSamplesWithTies_EqualsPairCountingReferenceExactly()
    {
        FixedSeed.ForAll(Cases, 500, 200_000, c =>
        {
            var expected = PairCountingAuc(c.Scores, c.Labels);
            var actual = RocAuc.Compute(c.Scores, c.Labels);
            if (double.IsNaN(expected))
            {
                Assert.True(double.IsNaN(actual), $"expected NaN, got {actual}");
            }
            else
            {
                // Both numerators are sums of halves, exact in double, so the quotients agree to the bit.
                Assert.Equal(expected, actual);
            }
        });
    }

    [Fact]
    public void RocAuc_NegatedScoresOrSwappedLabels_GiveOneMinusAuc()
    {
        FixedSeed.ForAll(Cases, 300, 210_000, c =>
        {
            var auc = RocAuc.Compute(c.Scores, c.Labels);
            if (double.IsNaN(auc))
            {
                return;
            }

            Assert.Equal(1 - auc, RocAuc.Compute(c.Scores.Select(s => -s).ToArray(), c.Labels), 1e-15);
            Assert.Equal(1 - auc, RocAuc.Compute(c.Scores, c.Labels.Select(l => !l).ToArray()), 1e-15);
        });
    }

    [Fact]
    public void RocAuc_StrictlyIncreasingTransform_LeavesAucUnchanged()
    {
        FixedSeed.ForAll(Cases, 300, 220_000, c =>
        {
            var transformed = c.Scores.Select(s => Math.Atan(s / 100)).ToArray();
            var auc = RocAuc.Compute(c.Scores, c.Labels);
            var other = RocAuc.Compute(transformed, c.Labels);
            Assert.Equal(BitConverter.DoubleToInt64Bits(auc), BitConverter.DoubleToInt64Bits(other));
        });
    }

    /// <summary>The definition: over every positive–negative pair, 1 if the positive scores higher, ½ on a tie. O(n²).</summary>
    private static double PairCountingAuc(double[] scores, bool[] labels)
    {
        double wins = 0;
        long pairs = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            for (var j = 0; j < scores.Length; j++)
            {
                if (!labels[i] || labels[j])
                {
                    continue;
                }

                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }

        return pairs == 0 ? double.NaN : wins / pairs;
    }
}
