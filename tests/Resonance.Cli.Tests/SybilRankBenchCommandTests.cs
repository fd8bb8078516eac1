using System.Text.Json;

namespace Resonance.Cli.Tests;

public sealed class SybilRankBenchCommandTests
{
    [Fact]
    public async Task BenchSybilRank_SmallRmat_RunsLogNIterationsAndReportsJson()
    {
        var run = await CliRun.RunAsync("bench", "sybilrank", "--graph", "rmat:10:8", "--seeds", "5", "--trials", "2", "--direction", "Forward", "--json");

        Assert.Equal(0, run.ExitCode);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(2, report.GetProperty("trial_seconds").GetArrayLength());
        var nodes = report.GetProperty("nodes").GetInt32();
        Assert.Equal((int)Math.Ceiling(Math.Log2(nodes)), report.GetProperty("iterations").GetInt32());
        Assert.Contains("Trial 2:", run.Error, StringComparison.Ordinal);
    }
}
