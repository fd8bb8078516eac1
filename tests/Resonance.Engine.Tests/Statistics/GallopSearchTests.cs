using CsCheck;
using Resonance.Engine.Statistics;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Statistics;

public sealed class GallopSearchTests
{
    /// <summary>i ≥ threshold, recording the lowest and highest index it was asked about.</summary>
    private struct AtLeast(int threshold) : IMonotonePredicate
    {
        public int Lowest { get; private set; } = int.MaxValue;

        public int Highest { get; private set; } = int.MinValue;

        public bool Holds(int index)
        {
            (Lowest, Highest) = (Math.Min(Lowest, index), Math.Max(Highest, index));
            return index >= threshold;
        }
    }

    [Fact]
    public void First_true_is_the_linear_scans_answer_from_any_guess_and_never_reads_outside_the_range()
    {
        var cases = from count in Gen.Int[0, 300]
                    from threshold in Gen.Int[0, count + 3] // past count: holds nowhere
                    from guess in Gen.Int[-4, count + 4]
                    select (count, threshold, guess);
        FixedSeed.ForAll(cases, 3_000, 91_000, c =>
        {
            var predicate = new AtLeast(c.threshold);
            var found = GallopSearch.FirstTrue(c.guess, c.count, ref predicate);

            var linear = 0;
            while (linear < c.count && linear < c.threshold)
            {
                linear++;
            }
            Assert.Equal(linear, found);
            Assert.True(predicate.Lowest == int.MaxValue || (predicate.Lowest >= 0 && predicate.Highest < c.count), $"read {predicate.Lowest}..{predicate.Highest} of {c.count}");
        });
    }

    [Fact]
    public void An_answer_next_to_the_guess_costs_few_evaluations()
    {
        var predicate = new CountingAtLeast(500_000);
        Assert.Equal(500_000, GallopSearch.FirstTrue(500_001, 1_000_000, ref predicate));
        Assert.True(predicate.Calls <= 3, $"{predicate.Calls} evaluations");
    }

    private struct CountingAtLeast(int threshold) : IMonotonePredicate
    {
        public int Calls { get; private set; }

        public bool Holds(int index)
        {
            Calls++;
            return index >= threshold;
        }
    }
}
