using System.Text.Json;
using Resonance.Tests.Shared;

namespace Resonance.Cli.Tests;

/// <summary>The CLI on real datasets from ../shared/data, including their real defects.</summary>
[Trait("Category", "Slow")]
public sealed class RealDataCommandTests
{
    [Fact]
    public async Task Import_CascadesStrict_StopsAtTheMalformedLastLineAndWritesNothing()
    {
        var path = SharedData.File("twitter-url-cascades-2010/cascades.txt");
        using var temp = new TempFolder();
        var db = temp.File("c.db");

        var run = await CliRun.RunAsync("import", path, "--format", "cascades", "--db", db);
        var stats = await CliRun.RunAsync("stats", "--json", "--db", db);

        // SOURCE.md: exactly one malformed item, a user id without a timestamp, on the last of 3,454 lines.
        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        Assert.Contains($"{path}:3454:", run.Error, StringComparison.Ordinal);
        Assert.Contains("17892", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(stats.Out).RootElement.GetProperty("stats").GetProperty("interactions").GetInt64());
    }

    [Fact]
    public async Task Import_CascadesLenient_ImportsEveryOtherCascade()
    {
        var path = SharedData.File("twitter-url-cascades-2010/cascades.txt");
        var lines = File.ReadAllLines(path);
        var expectedPosts = lines.Length - 1;
        var expectedInteractions = lines.Take(lines.Length - 1)
            .Sum(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        using var temp = new TempFolder();

        var run = await CliRun.RunAsync("import", path, "--format", "cascades", "--lenient", "--json", "--db", temp.File("c.db"));

        Assert.Equal(0, run.ExitCode);
        var summary = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(1, summary.GetProperty("errors_skipped").GetInt64());
        Assert.Equal(expectedPosts, summary.GetProperty("posts_added").GetInt64());
        Assert.Equal(expectedInteractions, summary.GetProperty("interactions_added").GetInt64() + summary.GetProperty("duplicates").GetProperty("interactions").GetInt64());
    }

    [Fact]
    public async Task Import_TwoFilesSecondMalformed_WritesNothingFromEither()
    {
        var path = SharedData.File("higgs-twitter/higgs-activity_time.txt");
        using var temp = new TempFolder();
        var good = temp.File("good.txt");
        var bad = temp.File("bad.txt");
        File.WriteAllLines(good, File.ReadLines(path).Take(60_000));
        File.WriteAllLines(bad, File.ReadLines(path).Skip(60_000).Take(100).Append("1 2 3"));
        var db = temp.File("h.db");

        var run = await CliRun.RunAsync("import", good, bad, "--format", "higgs-activity", "--db", db);
        var stats = await CliRun.RunAsync("stats", "--json", "--db", db);

        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        Assert.Contains($"{bad}:101:", run.Error, StringComparison.Ordinal);
        var s = JsonDocument.Parse(stats.Out).RootElement.GetProperty("stats");
        Assert.Equal(0, s.GetProperty("interactions").GetInt64());
        Assert.Equal(0, s.GetProperty("accounts").GetInt64());
        Assert.Equal(0, s.GetProperty("import_runs").GetInt64());
    }
}
