using System.Text.Json;

namespace Resonance.Cli.Tests;

public sealed class LeidenBenchCommandTests
{
    [Fact]
    public async Task BenchLeiden_TwoTrianglesWithLabels_ReportsTwoCommunitiesModularityAndPerfectNmi()
    {
        using var temp = new TempFolder();
        // Two triangles on sparse ids joined by one edge; one directed line per edge, ids compacted to 0..5 in ascending order.
        File.WriteAllText(temp.File("g.txt"), "# two triangles\n10 20\n20 30\n30 10\n40 50\n50 60\n60 40\n30 40\n");
        File.WriteAllText(temp.File("labels.txt"), "10 7\n20 7\n30 7\n40 9\n50 9\n60 9\n");

        var run = await CliRun.RunAsync("bench", "leiden", "--graph", temp.File("g.txt"), "--labels", temp.File("labels.txt"), "--trials", "2", "--json");

        Assert.Equal(0, run.ExitCode);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(6, report.GetProperty("nodes").GetInt32());
        Assert.Equal(7, report.GetProperty("edges").GetInt32());
        var trials = report.GetProperty("trials").EnumerateArray().ToArray();
        Assert.Equal(2, trials.Length);
        foreach (var trial in trials)
        {
            Assert.Equal(2, trial.GetProperty("communities").GetInt32());
            // Each triangle: 3 internal edges of 7, strength 7 of 14: Q = 2 × (3/7 − (7/14)²) = 5/14.
            Assert.Equal(5.0 / 14, trial.GetProperty("modularity").GetDouble(), 1e-12);
            Assert.Equal(1.0, trial.GetProperty("nmi").GetDouble(), 1e-12);
        }

        Assert.Contains("Trial 2:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchLeiden_GzipEdgeListAndSimpleProjection_CollapsesReciprocatedPairsAndDropsLoops()
    {
        using var temp = new TempFolder();
        var path = temp.File("g.txt.gz");
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write("1\t2\r\n2\t1\r\n2\t3\r\n3\t3\r\n");
        }

        var summed = await CliRun.RunAsync("bench", "leiden", "--graph", path, "--trials", "1", "--json");
        var simple = await CliRun.RunAsync("bench", "leiden", "--graph", path, "--trials", "1", "--simple", "--json");

        Assert.Equal(0, summed.ExitCode);
        Assert.Equal(0, simple.ExitCode);
        Assert.Equal(4.0, JsonDocument.Parse(summed.Out).RootElement.GetProperty("total_weight").GetDouble()); // every line once
        Assert.Equal(2.0, JsonDocument.Parse(simple.Out).RootElement.GetProperty("total_weight").GetDouble()); // {1,2} and {2,3}
    }

    [Fact]
    public async Task BenchLeiden_SmallRmat_PrintsTrialsAndMedian()
    {
        var run = await CliRun.RunAsync("bench", "leiden", "--graph", "rmat:10:8", "--trials", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Trial 2:", run.Out, StringComparison.Ordinal);
        Assert.Contains("Median:", run.Out, StringComparison.Ordinal);
        Assert.Contains("modularity 0.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchLeiden_MissingFile_ExitsWithNoInput()
    {
        var run = await CliRun.RunAsync("bench", "leiden", "--graph", "/nonexistent/graph.txt");

        Assert.Equal(ExitCodes.NoInput, run.ExitCode);
        Assert.Contains("file not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchLeiden_Scan_ReportsStabilityPerResolutionAndTheMostStable()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("g.txt"), "10 20\n20 30\n30 10\n40 50\n50 60\n60 40\n30 40\n");
        File.WriteAllText(temp.File("labels.txt"), "10 7\n20 7\n30 7\n40 9\n50 9\n60 9\n");

        var run = await CliRun.RunAsync("bench", "leiden", "--scan", "--graph", temp.File("g.txt"), "--labels", temp.File("labels.txt"), "--trials", "3", "--json");

        var report = run.Json();
        var rows = report.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(9, rows.Length);
        Assert.Equal(3, report.GetProperty("seeds").GetInt32());
        Assert.All(rows, r => Assert.InRange(r.GetProperty("stability").GetDouble(), 0.0, 1.0));
        // At γ = 1 every seed finds the two triangles: stable, and the departments exactly.
        var one = rows.Single(r => r.GetProperty("resolution").GetDouble() == 1.0);
        Assert.Equal(1.0, one.GetProperty("stability").GetDouble(), 12);
        Assert.Equal(1.0, one.GetProperty("mean_nmi").GetDouble(), 12);
        Assert.Contains("Most stable: γ", run.Error, StringComparison.Ordinal);
    }
}
