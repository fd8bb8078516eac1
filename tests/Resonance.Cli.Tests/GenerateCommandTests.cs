using System.Security.Cryptography;
using System.Text.Json;

namespace Resonance.Cli.Tests;

public sealed class GenerateCommandTests
{
    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public async Task Generate_SameSeedTwice_WritesIdenticalBytes()
    {
        using var temp = new TempFolder();

        var a = await CliRun.RunAsync("generate", "--people", "300", "--seed", "11", "--out", temp.File("a.jsonl"), "--truth", temp.File("a.json"));
        var b = await CliRun.RunAsync("generate", "--people", "300", "--seed", "11", "--out", temp.File("b.jsonl"), "--truth", temp.File("b.json"));
        var c = await CliRun.RunAsync("generate", "--people", "300", "--seed", "12", "--out", temp.File("c.jsonl"));

        Assert.Equal((0, 0, 0), (a.ExitCode, b.ExitCode, c.ExitCode));
        Assert.Equal(Hash(temp.File("a.jsonl")), Hash(temp.File("b.jsonl")));
        Assert.Equal(Hash(temp.File("a.json")), Hash(temp.File("b.json")));
        Assert.NotEqual(Hash(temp.File("a.jsonl")), Hash(temp.File("c.jsonl")));
        Assert.False(File.Exists(temp.File("a.jsonl.partial")));
    }

    [Fact]
    public async Task Generate_ThenImport_ImportsEveryRecordAndTruthNamesImportedAccounts()
    {
        using var temp = new TempFolder();
        var data = temp.File("g.jsonl");
        await CliRun.RunAsync("generate", "--people", "400", "--seed", "3", "--out", data, "--truth", temp.File("t.json"));
        var lines = File.ReadLines(data).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString()).ToList();

        var import = await CliRun.RunAsync("import", data, "--format", "jsonl", "--json", "--db", temp.File("g.db"));

        Assert.Equal(0, import.ExitCode);
        var summary = JsonDocument.Parse(import.Out).RootElement;
        Assert.Equal(lines.Count(t => t == "account"), summary.GetProperty("accounts_added").GetInt64());
        Assert.Equal(lines.Count(t => t == "post"), summary.GetProperty("posts_added").GetInt64());
        Assert.Equal(lines.Count(t => t == "interaction"), summary.GetProperty("interactions_added").GetInt64());
        Assert.Equal(0, summary.GetProperty("duplicates_skipped").GetInt64());
        var accountIds = File.ReadLines(data).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "account").Select(e => e.GetProperty("id").GetString()).ToHashSet();
        var truth = JsonDocument.Parse(File.ReadAllText(temp.File("t.json"))).RootElement;
        var bots = truth.GetProperty("bots").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.NotEmpty(bots);
        Assert.All(bots, id => Assert.Contains(id, accountIds));
    }

    [Fact]
    public async Task Generate_TooFewPeople_ExitsWithUsageErrorAndWritesNothing()
    {
        using var temp = new TempFolder();

        var run = await CliRun.RunAsync("generate", "--people", "5", "--out", temp.File("x.jsonl"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("People", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(temp.File("x.jsonl")));
    }

    [Fact]
    public async Task Generate_GeneratorVersion2_WritesTheOlderModelAndSaysSoInTheTruth()
    {
        using var temp = new TempFolder();

        var v2 = await CliRun.RunAsync("generate", "--people", "300", "--seed", "11", "--generator-version", "2", "--out", temp.File("a.jsonl"), "--truth", temp.File("a.json"));
        var v3 = await CliRun.RunAsync("generate", "--people", "300", "--seed", "11", "--out", temp.File("b.jsonl"), "--truth", temp.File("b.json"));
        var bad = await CliRun.RunAsync("generate", "--people", "300", "--generator-version", "4", "--out", temp.File("c.jsonl"));

        Assert.Equal((0, 0), (v2.ExitCode, v3.ExitCode));
        Assert.Equal("resonance-synthetic/2", JsonDocument.Parse(File.ReadAllText(temp.File("a.json"))).RootElement.GetProperty("generator").GetString());
        Assert.Equal("resonance-synthetic/3", JsonDocument.Parse(File.ReadAllText(temp.File("b.json"))).RootElement.GetProperty("generator").GetString());
        Assert.NotEqual(Hash(temp.File("a.jsonl")), Hash(temp.File("b.jsonl")));
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains("--generator-version must be 2 or 3, but it is 4.", bad.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("c.jsonl")));
    }
}
