using CsCheck;
using Resonance.Application.Scoring;
using Resonance.Application.Tests.Topics;
using Resonance.Engine.Randomness;

namespace Resonance.Application.Tests.Scoring;

/// <summary>resonance@7's pair multiplicity (<see cref="LeaveOneOutScores.Multiplicity"/>) from its precomputed CDF is the
/// accumulating inverse transform it was defined by, for every uniform, at and beside every step of the CDF.</summary>
public sealed class PairMultiplicityTests
{
    [Fact]
    public void AtAndBesideEveryStepOfTheCdf_TheDrawIsTheAccumulatingInverseTransforms()
    {
        var steps = 0;
        var pk = 0.36787944117144233;
        var cdf = pk;
        for (var k = 0; k <= 64; k++)
        {
            foreach (var u in new[] { Math.BitDecrement(cdf), cdf, Math.BitIncrement(cdf) }.Where(u => u is >= 0 and < 1))
            {
                Assert.Equal(TopicShareIntervalsTests.PoissonOneByAccumulation(u), LeaveOneOutScores.PoissonOneInverse(u));
                steps++;
            }

            pk /= k + 1;
            cdf += pk;
        }

        Assert.True(steps > 30, $"{steps} uniforms checked");
        Assert.Equal(0, LeaveOneOutScores.PoissonOneInverse(0));
        Assert.Equal(TopicShareIntervalsTests.PoissonOneByAccumulation(Math.BitDecrement(1.0)), LeaveOneOutScores.PoissonOneInverse(Math.BitDecrement(1.0)));
    }

    [Fact]
    public void ForAnyStreamAndPair_TheDrawIsTheAccumulatingInverseTransforms()
    {
        var seen = new int[8];
        Gen.Select(Gen.ULong, Gen.Long, Gen.Long).Sample((seed, engager, engaged) =>
        {
            var key = LeaveOneOutScores.PairKey(engager, engaged);
            var k = LeaveOneOutScores.Multiplicity(seed, key);
            Assert.Equal(TopicShareIntervalsTests.PoissonOneByAccumulation(SplitMix64.Derive(seed, key)), k);
            Interlocked.Increment(ref seen[Math.Min(k, 7)]);
        }, iter: 200_000);

        // Poisson(1): 0 and 1 are each about 37% of draws, and the branch-free part (k ≤ 3) is not all there is.
        Assert.True(seen[0] > 60_000 && seen[1] > 60_000 && seen[4] > 1_000, string.Join(" ", seen));
    }
}
