using System.Text.Json;

namespace Resonance.Cli.Tests;

/// <summary><c>bench communities</c> and <c>score --communities infomap</c>, end to end.</summary>
public sealed class InfomapCommandTests
{
    [Fact]
    public async Task BenchCommunities_TwoTrianglesWithLabels_ReportsCodelengthModularityAndPerfectNmiForBothMethods()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("g.txt"), "10 20\n20 30\n30 10\n40 50\n50 60\n60 40\n30 40\n");
        File.WriteAllText(temp.File("labels.txt"), "10 7\n20 7\n30 7\n40 9\n50 9\n60 9\n");

        foreach (var method in new[] { "infomap", "leiden" })
        {
            var run = await CliRun.RunAsync("bench", "communities", "--method", method, "--graph", temp.File("g.txt"), "--labels", temp.File("labels.txt"), "--runs", "2", "--json");

            Assert.Equal(0, run.ExitCode);
            var report = JsonDocument.Parse(run.Out).RootElement;
            Assert.Equal(method, report.GetProperty("method").GetString());
            Assert.Equal(2.5566567, report.GetProperty("one_level_codelength").GetDouble(), 1e-7); // MapEquationTests: H(p)
            foreach (var r in report.GetProperty("runs").EnumerateArray())
            {
                Assert.Equal(2, r.GetProperty("communities").GetInt32());
                Assert.Equal(2.3207304, r.GetProperty("codelength").GetDouble(), 1e-7); // MapEquationTests: the two triangles
                Assert.Equal(5.0 / 14, r.GetProperty("modularity").GetDouble(), 1e-12);
                Assert.Equal(1.0, r.GetProperty("nmi").GetDouble(), 1e-12);
            }
        }
    }

    [Fact]
    public async Task BenchCommunities_UnknownMethod_FailsNamingTheKnownOnes()
    {
        var run = await CliRun.RunAsync("bench", "communities", "--method", "louvain", "--graph", "rmat:6:4");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("infomap", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_CommunitiesInfomap_RecordsInfomapWithItsParametersInTheRun()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync("demo", "--people", "200", "--seed", "5", "--dir", temp.Path, "--no-serve")).ExitCode);
        var db = temp.File("resonance.db");

        var score = await CliRun.RunAsync("score", "--db", db, "--communities", "infomap", "--json");
        var listing = (await CliRun.RunAsync("communities", "--db", db, "--n", "3", "--json")).Json();
        var text = await CliRun.RunAsync("communities", "--db", db, "--n", "3");
        var bad = await CliRun.RunAsync("score", "--db", db, "--communities", "louvain");

        Assert.Equal(0, score.ExitCode);
        var method = listing.GetProperty("method");
        Assert.Equal("infomap@1", method.GetProperty("method").GetString());
        Assert.Equal("map-equation", method.GetProperty("objective").GetString());
        Assert.Equal(1, method.GetProperty("trials").GetInt32());
        Assert.Equal(JsonValueKind.Null, method.GetProperty("resolution").ValueKind);
        Assert.True(listing.GetProperty("communities").GetArrayLength() >= 1);
        Assert.Contains("(infomap@1, map-equation, seed ", text.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("unknown community method 'louvain'", bad.Error, StringComparison.Ordinal);
    }
}
