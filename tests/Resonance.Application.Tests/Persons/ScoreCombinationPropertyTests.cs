using CsCheck;
using Resonance.Application.Persons;

namespace Resonance.Application.Tests.Persons;

/// <summary>The combination rule's properties on random scores: identity with one score, monotone in every score,
/// never lowered by another score, within [max, 100], independent of order, and shares that add up.</summary>
public sealed class ScoreCombinationPropertyTests
{
    private const double Rounding = 1e-9;

    private static readonly Gen<double> Score = Gen.Double[1, 100];
    private static readonly Gen<double[]> Scores = Score.Array[1, 6];

    [Fact]
    public void Combine_OneScore_IsThatScoreExactly()
    {
        Score.Sample(s => Assert.Equal(s, ScoreCombination.Combine([s])), iter: 2_000);
    }

    [Fact]
    public void Combine_RaisingAnyScore_NeverLowersIt()
    {
        Gen.Select(Scores, Gen.Int[0, 5], Gen.Double[0, 99]).Sample((scores, at, raise) =>
        {
            var i = at % scores.Length;
            var raised = (double[])scores.Clone();
            raised[i] = Math.Min(100, raised[i] + raise);
            Assert.True(ScoreCombination.Combine(raised) >= ScoreCombination.Combine(scores) - Rounding,
                $"raising score {i} by {raise} lowered the combination");
        }, iter: 5_000);
    }

    [Fact]
    public void Combine_AnotherScore_NeverLowersItAndStaysWithinMaxAnd100()
    {
        Gen.Select(Scores, Score).Sample((scores, extra) =>
        {
            var before = ScoreCombination.Combine(scores);
            var after = ScoreCombination.Combine([.. scores, extra]);
            Assert.True(after >= before - Rounding, $"adding {extra} lowered {before} to {after}");
            Assert.InRange(after, Math.Max(scores.Max(), extra) - Rounding, 100);
        }, iter: 5_000);
    }

    [Fact]
    public void Combine_AnyOrder_SameBits()
    {
        Scores.SelectMany(s => Gen.Shuffle((double[])s.Clone()).Select(shuffled => (s, shuffled))).Sample(p =>
            Assert.Equal(ScoreCombination.Combine(p.s), ScoreCombination.Combine(p.shuffled)), iter: 2_000);
    }

    [Fact]
    public void Shares_AddUpToTheCombination_BestGetsItsScore_OthersNonNegative()
    {
        Scores.Sample(scores =>
        {
            var shares = ScoreCombination.Shares(scores);
            Assert.Equal(ScoreCombination.Combine(scores), shares.Sum(), Rounding);
            Assert.Equal(scores.Max(), shares[Array.IndexOf(scores, scores.Max())]);
            Assert.All(shares, s => Assert.True(s >= 0));
        }, iter: 5_000);
    }

    [Fact]
    public void Combine_KnownValues()
    {
        Assert.Equal(62.5, ScoreCombination.Combine([50, 50]), 12);
        Assert.Equal(91.5, ScoreCombination.Combine([30, 90]), 12);
        Assert.Equal(100, ScoreCombination.Combine([100, 1]), 12);
        Assert.Throws<ArgumentException>(() => ScoreCombination.Combine([]));
    }
}
