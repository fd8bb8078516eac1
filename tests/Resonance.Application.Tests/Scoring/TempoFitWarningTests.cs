using Resonance.Application.Scoring;
using Resonance.Domain;
using Resonance.Tests.Shared;

namespace Resonance.Application.Tests.Scoring;

/// <summary>The tempo fit on very little data: a warning beside the run, nothing the version computes changed.</summary>
public sealed class TempoFitWarningTests
{
    private const long Day = 86_400_000;
    private const long StartMs = 1_704_110_400_000; // 2024-01-01T12:00Z

    /// <summary>Hand-made data as a person types it: 57 interactions over 60 days, every time at noon. Three accounts
    /// each had a launch that five people reposted at the same moment; the rest is everyday chat among a few friends.</summary>
    public static ScoringInput Tiny()
    {
        var kinds = new[] { InteractionKind.Like, InteractionKind.Reply, InteractionKind.Repost, InteractionKind.Mention };
        var rows = new List<(long Actor, long Target, InteractionKind Kind, long Time)>();
        for (var launch = 0; launch < 3; launch++)
        {
            rows.AddRange(Enumerable.Range(4, 5).Select(a => ((long)a, (long)(1 + launch), InteractionKind.Repost, StartMs + (launch * 20 * Day))));
        }

        for (var i = 0; rows.Count < 57; i++)
        {
            var target = 4 + (i % 5);
            rows.Add((1 + ((target + (i % 3)) % 8), target, kinds[i % 4], StartMs + ((1 + (i * 58 / 41)) * Day)));
        }

        return new ScoringInput([.. rows.Select(r => r.Actor)], [.. rows.Select(r => r.Target)], [.. rows.Select(r => r.Kind)], [.. rows.Select(r => r.Time)],
            [.. rows.Select(_ => 1.0)], [], []);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(7)]
    public void A_tiny_hand_made_dataset_gets_a_tempo_warning_and_the_fit_it_had(int version)
    {
        var input = Tiny();
        var asOf = input.LatestTimeMs!.Value;
        var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", version), asOf);
        var result = ScoringPipeline.Score(input, p, intervals: false, ct: TestContext.Current.CancellationToken);

        Assert.Equal(57, input.InteractionCount);
        Assert.InRange(asOf - input.TimesMs.Min(), 55 * Day, 60 * Day);
        // What the version computes is unchanged: the fit sits at its one-minute floor, on a handful of accounts.
        Assert.Equal(1 / 1440d, result.Parameters.FittedHalfLifeDays);
        Assert.InRange(result.Parameters.TempoAccounts!.Value, 1, TempoFitWarning.MinAccounts - 1);
        var warning = TempoFitWarning.For(result.Parameters);
        Assert.NotNull(warning);
        Assert.Contains($"rests on {result.Parameters.TempoAccounts} account", warning, StringComparison.Ordinal);
        Assert.Contains("one-minute floor", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Versions_without_a_fit_and_a_fit_on_real_data_get_none()
    {
        var ct = TestContext.Current.CancellationToken;
        var input = ScoringInputs.FromFile(SharedData.File("higgs-twitter/higgs-activity_time.txt"), "higgs-activity").Input;
        var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 6), 1_341_340_000_000) with { WindowDays = 5 };
        var higgs = ScoringPipeline.Score(input, p, intervals: false, ct: ct).Parameters;

        Assert.True(higgs.TempoAccounts >= TempoFitWarning.MinAccounts, $"{higgs.TempoAccounts} accounts");
        Assert.Null(TempoFitWarning.For(higgs));
        Assert.Null(TempoFitWarning.For(ScoringPipeline.Score(Tiny(), ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 1), Tiny().LatestTimeMs!.Value), intervals: false, ct: ct).Parameters));
    }
}
