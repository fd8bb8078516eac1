using System.Globalization;

namespace Resonance.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public async Task BenchPageRank_SmallRmat_ReportsTrialsAndPassesVerification()
    {
        var run = await CliRun.RunAsync("bench", "pagerank", "--graph", "rmat:12:8", "--iterations", "40", "--trials", "2", "--verify");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Trial 2:", run.Out, StringComparison.Ordinal);
        Assert.Contains("Verification: PASS", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchPageRank_TextEdgeList_CompactsIdsAndWritesScoresSummingToOne()
    {
        using var temp = new TempFolder();
        // A 3-cycle on sparse ids plus a dangling node: ids 10, 20, 30, 99 become 0..3 in ascending order.
        File.WriteAllText(temp.File("g.txt"), "# comment\n10 20\n20 30\n30 10\n30 99\n");

        var run = await CliRun.RunAsync("bench", "pagerank", "--graph", temp.File("g.txt"), "--iterations", "200", "--trials", "1", "--out", temp.File("pr.txt"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("4 nodes, 4 edges", run.Out, StringComparison.Ordinal);
        var scores = File.ReadAllLines(temp.File("pr.txt")).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(4, scores.Length);
        Assert.Equal(1.0, scores.Sum(), 1e-9);
        Assert.Equal(scores[0], scores[3], 1e-12); // ids 10 and 99 each receive half of node 30's mass
        Assert.Equal(scores.Max(), scores[2]);     // id 30 receives all of 20's, which receives all of 10's
    }

    [Fact]
    public async Task BenchPageRank_RelabelledAndSingle_WritesScoresInOriginalIdOrderAndJsonReport()
    {
        using var temp = new TempFolder();
        var plain = await CliRun.RunAsync("bench", "pagerank", "--graph", "rmat:10:8", "--iterations", "60", "--trials", "1", "--out", temp.File("plain.txt"));
        var fast = await CliRun.RunAsync("bench", "pagerank", "--graph", "rmat:10:8", "--iterations", "60", "--trials", "1", "--relabel", "--single",
            "--out", temp.File("fast.txt"), "--json");

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, fast.ExitCode);
        var a = File.ReadAllLines(temp.File("plain.txt")).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var b = File.ReadAllLines(temp.File("fast.txt")).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(a.Length, b.Length);
        Assert.True(a.Zip(b, (x, y) => Math.Abs(x - y)).Sum() < 1e-6, "relabelled float scores must map back to the original ids");
        var report = System.Text.Json.JsonDocument.Parse(fast.Out).RootElement;
        Assert.True(report.GetProperty("relabel").GetBoolean() && report.GetProperty("single").GetBoolean());
        Assert.Equal(a.Length, report.GetProperty("nodes").GetInt32());
        Assert.Contains("Relabel by out-degree", fast.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchPageRank_BadRmatSpec_ExitsWithClearError()
    {
        var run = await CliRun.RunAsync("bench", "pagerank", "--graph", "rmat:x");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("rmat:SCALE:EDGEFACTOR", run.Error, StringComparison.Ordinal);
    }
}
