using Resonance.Application.Scoring;

namespace Resonance.Storage.Tests.Scoring;

/// <summary>Run comparisons that hold doubles to their exact bits (record equality treats 0 and -0 as equal).</summary>
internal static class AssertRuns
{
    public static void SameBits(double expected, double actual) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));

    public static void Same(AccountScore expected, AccountScore actual)
    {
        Assert.Equal((expected.AccountId, expected.Rank), (actual.AccountId, actual.Rank));
        double[] e = [expected.Score, expected.Low, expected.High, expected.Raw, expected.Base, expected.Reach, expected.Amplification, expected.Impact];
        double[] a = [actual.Score, actual.Low, actual.High, actual.Raw, actual.Base, actual.Reach, actual.Amplification, actual.Impact];
        Assert.Equal(e.Select(BitConverter.DoubleToInt64Bits), a.Select(BitConverter.DoubleToInt64Bits));
    }

    public static void Same(IReadOnlyList<AccountScore> expected, IReadOnlyList<AccountScore> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Same(expected[i], actual[i]);
        }
    }

    public static void Same(IReadOnlyList<ScoreContribution> expected, IReadOnlyList<ScoreContribution> actual) =>
        Assert.Equal(expected.Select(Bits), actual.Select(Bits));

    /// <summary>Everything a run's header holds (the id aside), with doubles compared bit for bit.</summary>
    public static void SameHeader(ScoreRunInfo expected, ScoreRunInfo actual)
    {
        Assert.Equal(expected.Algorithm, actual.Algorithm);
        Assert.Equal(expected.Parameters with { KindWeights = ScoringParameters.DefaultKindWeights },
            actual.Parameters with { KindWeights = ScoringParameters.DefaultKindWeights });
        Assert.Equal(expected.Parameters.KindWeights.Select(Bits), actual.Parameters.KindWeights.Select(Bits));
        SameBits(expected.Parameters.HalfLifeDays, actual.Parameters.HalfLifeDays);
        SameBits(expected.Parameters.Damping, actual.Parameters.Damping);
        Assert.Equal(expected.WatermarkLatestMs, actual.WatermarkLatestMs);
        Assert.Equal(expected.WatermarkInteractions, actual.WatermarkInteractions);
        Assert.Equal(expected.CodeRevision, actual.CodeRevision);
        Assert.Equal(expected.StartedAt.UtcTicks, actual.StartedAt.UtcTicks);
        Assert.Equal(expected.FinishedAt.UtcTicks, actual.FinishedAt.UtcTicks);
        Assert.Equal(expected.Timings.Select(Bits), actual.Timings.Select(Bits));
        Assert.Equal(expected.CalibrationQuantiles.Select(BitConverter.DoubleToInt64Bits), actual.CalibrationQuantiles.Select(BitConverter.DoubleToInt64Bits));
        SameBits(expected.AmplificationPriorRate, actual.AmplificationPriorRate);
        Assert.Equal((expected.AccountsScored, expected.Pairs, expected.PageRankIterations), (actual.AccountsScored, actual.Pairs, actual.PageRankIterations));
    }

    private static (long, long, long, long, long) Bits(ScoreContribution c) =>
        (c.AccountId, c.EngagerId, BitConverter.DoubleToInt64Bits(c.Reach), BitConverter.DoubleToInt64Bits(c.Amplification), BitConverter.DoubleToInt64Bits(c.Impact));

    private static (string, long) Bits(KeyValuePair<string, double> pair) => (pair.Key, BitConverter.DoubleToInt64Bits(pair.Value));
}
