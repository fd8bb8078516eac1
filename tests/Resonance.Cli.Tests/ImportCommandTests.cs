using System.Text.Json;
using Resonance.Tests.Shared;

namespace Resonance.Cli.Tests;

public sealed class ImportCommandTests
{
    [Fact]
    public async Task Import_UnknownFormat_ExitsWithUsageErrorNamingTheFormats()
    {
        using var temp = new TempFolder();
        System.IO.File.WriteAllText(temp.File("x.txt"), "1 2 3 RT\n");

        var run = await CliRun.RunAsync("import", temp.File("x.txt"), "--format", "nope", "--db", temp.File("r.db"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("higgs-activity", run.Error, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(temp.File("r.db")));
    }

    [Fact]
    public async Task Import_MissingFile_ExitsNoInputNamingThePath()
    {
        using var temp = new TempFolder();

        var run = await CliRun.RunAsync("import", temp.File("absent.txt"), "--format", "higgs-activity", "--db", temp.File("r.db"));

        Assert.Equal(ExitCodes.NoInput, run.ExitCode);
        Assert.Contains(temp.File("absent.txt"), run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_EdgeListWithoutKind_ExitsWithUsageError()
    {
        using var temp = new TempFolder();
        System.IO.File.WriteAllText(temp.File("e.txt"), "1 2\n");

        var run = await CliRun.RunAsync("import", temp.File("e.txt"), "--format", "edgelist", "--network", "test", "--db", temp.File("r.db"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--kind", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MalformedLine_Exits65WithFileAndLineAndLeavesDatabaseEmpty()
    {
        using var temp = new TempFolder();
        var file = temp.File("bad.txt");
        System.IO.File.WriteAllText(file, "1 2 1341100972 RT\n3 4 1341100973 MT\n5 6 notatime RE\n");
        var db = temp.File("r.db");

        var run = await CliRun.RunAsync("import", file, "--format", "higgs-activity", "--db", db);
        var stats = await CliRun.RunAsync("stats", "--json", "--db", db);

        Assert.Equal(65, run.ExitCode);
        Assert.Contains($"{file}:3:", run.Error, StringComparison.Ordinal);
        Assert.Contains("notatime", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(stats.Out).RootElement.GetProperty("stats").GetProperty("interactions").GetInt64());
    }

    [Fact]
    public async Task Import_Lenient_ReportsSkippedLinesAndCommitsTheRest()
    {
        using var temp = new TempFolder();
        var file = temp.File("bad.txt");
        System.IO.File.WriteAllText(file, "1 2 1341100972 RT\nnot a record\n5 6 1341100974 RE\n");

        var run = await CliRun.RunAsync("import", file, "--format", "higgs-activity", "--lenient", "--json", "--db", temp.File("r.db"));

        Assert.Equal(0, run.ExitCode);
        var summary = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(2, summary.GetProperty("interactions_added").GetInt64());
        Assert.Equal(1, summary.GetProperty("errors_skipped").GetInt64());
        Assert.StartsWith($"{file}:2:", summary.GetProperty("first_errors")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportThenStats_HiggsReplyEdgeList_CountsMatchSourceFile()
    {
        var path = SharedData.File("higgs-twitter/higgs-reply_network.edgelist");
        using var temp = new TempFolder();
        var db = temp.File("r.db");

        var first = await CliRun.RunAsync("import", path, "--format", "edgelist", "--network", "higgs", "--kind", "reply", "--json", "--db", db);
        var second = await CliRun.RunAsync("import", path, "--format", "edgelist", "--network", "higgs", "--kind", "reply", "--json", "--db", db);
        var stats = await CliRun.RunAsync("stats", "--json", "--db", db);

        // SOURCE.md: reply network 38,918 nodes / 32,523 edges.
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(32_523, JsonDocument.Parse(first.Out).RootElement.GetProperty("interactions_added").GetInt64());
        Assert.Equal(38_918, JsonDocument.Parse(first.Out).RootElement.GetProperty("accounts_added").GetInt64());
        Assert.Equal(32_523, JsonDocument.Parse(second.Out).RootElement.GetProperty("duplicates_skipped").GetInt64());
        var network = JsonDocument.Parse(stats.Out).RootElement.GetProperty("stats").GetProperty("by_network")[0];
        Assert.Equal(32_523, network.GetProperty("untimed_interactions").GetInt64());
        Assert.Equal(32_523, network.GetProperty("interactions_by_kind").GetProperty("reply").GetInt64());
    }

    [Fact]
    public async Task Stats_NoDatabase_SaysHowToStart()
    {
        using var temp = new TempFolder();

        var run = await CliRun.RunAsync("stats", "--db", temp.File("none.db"));

        Assert.Equal(ExitCodes.NoInput, run.ExitCode);
        Assert.Contains("resonance import", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_PostgresUnreachable_ExitsUnavailableWithoutPassword()
    {
        using var temp = new TempFolder();
        System.IO.File.WriteAllText(temp.File("x.txt"), "1 2 1341100972 RT\n");

        var run = await CliRun.RunAsync("import", temp.File("x.txt"), "--format", "higgs-activity",
            "--db", "postgres://someone:secret@127.0.0.1:1/nowhere?Timeout=2");

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.Contains("127.0.0.1:1/nowhere", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_DryRun_ChecksRecordsAndCreatesNoDatabase()
    {
        using var temp = new TempFolder();
        var file = temp.File("ok.txt");
        System.IO.File.WriteAllText(file, "1 2 1341100972 RT\n3 4 1341100973 MT\n5 6 1341100974 RE\n");

        var ok = await CliRun.RunAsync("import", file, "--format", "higgs-activity", "--dry-run", "--json", "--db", temp.File("r.db"));
        System.IO.File.AppendAllText(file, "7 8 x RT\n");
        var bad = await CliRun.RunAsync("import", file, "--format", "higgs-activity", "--dry-run", "--db", temp.File("r.db"));

        Assert.Equal(0, ok.ExitCode);
        Assert.Equal(3, JsonDocument.Parse(ok.Out).RootElement.GetProperty("records_read").GetInt64());
        Assert.Equal(ExitCodes.DataError, bad.ExitCode);
        Assert.Contains($"{file}:4:", bad.Error, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(temp.File("r.db")));
    }
}
