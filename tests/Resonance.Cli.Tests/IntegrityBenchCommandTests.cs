namespace Resonance.Cli.Tests;

/// <summary><c>resonance bench integrity</c>: times every phase of the integrity model on a generated community, and
/// needs data to time.</summary>
public sealed class IntegrityBenchCommandTests
{
    [Fact]
    public async Task Bench_integrity_times_every_signal_and_trust_and_flags_the_planted_accounts()
    {
        var run = await CliRun.RunAsync("bench", "integrity", "--people", "300", "--seed", "11", "--trials", "2", "--graph", "--json");
        var none = await CliRun.RunAsync("bench", "integrity");
        var plain = ScoringCommandTests.Json(await CliRun.RunAsync("bench", "integrity", "--people", "300", "--seed", "11", "--trials", "1", "--no-texts", "--json"));

        var report = ScoringCommandTests.Json(run);
        var phases = report.GetProperty("median_seconds").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "log", "trust", "total", "signal rate", "signal pod", "signal near-duplicate", "resonance@2 graph (whole)" }, phases);
        Assert.Equal(2, report.GetProperty("trial_seconds").GetProperty("total").GetArrayLength());
        Assert.True(report.GetProperty("interactions").GetInt32() > 1000);
        Assert.True(report.GetProperty("flagged").GetInt32() > 0, report.ToString());
        // The model reads the posts' texts as a resonance@2 run does, unless told not to.
        Assert.True(report.GetProperty("texts").GetInt32() > 1000, report.ToString());
        Assert.Equal(0, plain.GetProperty("texts").GetInt32());
        Assert.Equal(ExitCodes.Usage, none.ExitCode);
    }
}
