using CsCheck;
using Resonance.Engine.Statistics;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Statistics;

public sealed class ReplacedSampleCalibrationTests
{
    /// <summary>A reference sample, which of its values to take out (by index), values to put in, the quantile count and
    /// extra probes.</summary>
    private static readonly Gen<(double[] Sample, bool[] Out, double[] In, int Count, double[] Probes)> Cases =
        from sample in StatisticsGens.Sample(1, 60)
        from taken in Gen.Bool.Array[sample.Length]
        from added in StatisticsGens.Sample(0, 12)
        from count in Gen.OneOf(Gen.Int[2, 80], Gen.Const(QuantileCalibration.DefaultQuantileCount))
        from probes in StatisticsGens.Sample(0, 10)
        select (sample, taken, added, count, probes);

    [Fact]
    public void Replacing_values_scores_bit_for_bit_as_a_calibration_fitted_on_the_changed_sample()
    {
        FixedSeed.ForAll(Cases, 600, 700_000, c =>
        {
            var (removed, added, changed) = Replacement(c.Sample, c.Out, c.In);
            if (changed.Length == 0)
            {
                return;
            }

            var replaced = new ReplacedSampleCalibration(c.Sample, c.Count);
            var fitted = QuantileCalibration.Fit(changed, c.Count);
            foreach (var x in Probes(c.Sample, added, fitted, c.Probes))
            {
                Assert.Equal(Bits(fitted.Score(x)), Bits(replaced.Score(x, removed, added)));
            }
        });
    }

    [Fact]
    public void With_nothing_replaced_or_the_same_values_taken_out_and_put_back_it_is_the_plain_calibration_bit_for_bit()
    {
        FixedSeed.ForAll(Cases, 300, 710_000, c =>
        {
            var replaced = new ReplacedSampleCalibration(c.Sample, c.Count);
            var plain = QuantileCalibration.Fit(c.Sample, c.Count);
            Assert.Equal(plain.Quantiles, replaced.Plain.Quantiles);
            var same = c.Sample.Where((_, i) => c.Out[i]).Order().ToArray();
            foreach (var x in Probes(c.Sample, [], plain, c.Probes))
            {
                Assert.Equal(Bits(plain.Score(x)), Bits(replaced.Score(x, [], [])));
                // The rank arithmetic, not the fast path, when the same values go out and back in.
                Assert.Equal(Bits(plain.Score(x)), Bits(replaced.Score(x, same, same)));
            }
        });
    }

    [Fact]
    public void A_lookup_depends_only_on_the_sample_size_and_the_order_statistics_it_reports_reading()
    {
        // The lemma resonance@7's windowed changed sets rest on: move every value below the lowest order statistic read
        // anywhere below it, and every value above the highest anywhere above it, and the score keeps its bits.
        FixedSeed.ForAll(Cases, 600, 720_000, c =>
        {
            var (removed, added, changed) = Replacement(c.Sample, c.Out, c.In);
            if (changed.Length == 0)
            {
                return;
            }

            var replaced = new ReplacedSampleCalibration(c.Sample, c.Count);
            foreach (var x in Probes(c.Sample, added, QuantileCalibration.Fit(changed, c.Count), c.Probes))
            {
                var score = replaced.Score(x, removed, added, out var lowest, out var highest);
                Assert.Equal(Bits(replaced.Score(x, removed, added)), Bits(score));
                Assert.True(lowest <= highest && changed.Contains(lowest) && changed.Contains(highest));
                var moved = changed.Select((v, i) => v < lowest ? lowest - 1 - (i % 7) : v > highest ? highest + 1 + (i % 7) : v).ToArray();
                Assert.Equal(Bits(score), Bits(QuantileCalibration.Fit(moved, c.Count).Score(x)));
            }
        });
    }

    [Fact]
    public void A_replacement_moves_the_score_as_the_changed_sample_does()
    {
        var replaced = new ReplacedSampleCalibration([1, 2, 3, 4], 5);
        Assert.Equal(QuantileCalibration.Fit([1, 2, 3, 4, 10], 5).Score(2), replaced.Score(2, [], [10]));
        Assert.NotEqual(QuantileCalibration.Fit([1, 2, 3, 4], 5).Score(2), replaced.Score(2, [], [10]));
        Assert.Equal(QuantileCalibration.Fit([1, 3, 4, 10], 5).Score(3), replaced.Score(3, [2], [10]));
    }

    /// <summary>The values taken out and put in (ascending) and the changed sample.</summary>
    private static (double[] Removed, double[] Added, double[] Changed) Replacement(double[] sample, bool[] taken, double[] put)
    {
        var added = put.Order().ToArray();
        return (sample.Where((_, i) => taken[i]).Order().ToArray(), added, sample.Where((_, i) => !taken[i]).Concat(added).ToArray());
    }

    /// <summary>Every value of the sample and of what is put in, every quantile of the fitted calibration (ties), points
    /// between them and the extra probes.</summary>
    private static IEnumerable<double> Probes(double[] sample, double[] added, QuantileCalibration fitted, double[] extra) =>
        sample.Concat(added).Concat(fitted.Quantiles).Concat(fitted.Quantiles.Zip(fitted.Quantiles.Skip(1), (a, b) => (a + b) / 2))
            .Concat(extra).Append(double.NegativeInfinity).Append(double.PositiveInfinity);

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
}
