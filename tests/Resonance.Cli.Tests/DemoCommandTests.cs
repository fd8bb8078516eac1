using System.Text.Json;

namespace Resonance.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_SmallCommunity_GeneratesImportsAndShowsStats()
    {
        using var temp = new TempFolder();

        var run = await CliRun.RunAsync("demo", "--people", "300", "--seed", "5", "--dir", temp.Path);
        var again = await CliRun.RunAsync("demo", "--people", "300", "--seed", "5", "--dir", temp.Path);
        var stats = await CliRun.RunAsync("stats", "--json", "--db", temp.File("resonance.db"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("1/4", run.Out, StringComparison.Ordinal);
        Assert.Contains("4/4", run.Out, StringComparison.Ordinal);
        Assert.Contains("run 1: resonance@1", run.Out, StringComparison.Ordinal);
        Assert.Contains("Top influencees", run.Out, StringComparison.Ordinal); // the top account is explained
        Assert.Contains("Next: resonance explain synthetic:", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.File("truth.json")));
        var records = File.ReadLines(temp.File("dataset.jsonl")).Count(l => l.Contains("\"type\":\"interaction\"", StringComparison.Ordinal));
        var s = JsonDocument.Parse(stats.Out).RootElement.GetProperty("stats");
        Assert.Equal(records, s.GetProperty("interactions").GetInt64());
        Assert.Equal(300, s.GetProperty("accounts").GetInt64());
        Assert.Equal(1, s.GetProperty("import_runs").GetInt64()); // the second demo started from a fresh database
    }
}
