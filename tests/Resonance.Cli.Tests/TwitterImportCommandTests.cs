using System.IO.Compression;
using System.Text.Json;
using Resonance.Tests.Shared;

namespace Resonance.Cli.Tests;

/// <summary>Imports the real Twitter samples through the CLI into SQLite: the archive as a folder and as a zip, and
/// the API v2 stream with one broken line, strict and lenient.</summary>
[Trait("Category", "Slow")]
public sealed class TwitterImportCommandTests
{
    [Fact]
    public async Task ImportArchive_FolderThenZip_SourceCountsThenAllDuplicates()
    {
        var folder = Path.GetDirectoryName(Path.GetDirectoryName(SharedData.File("twitter-archive-sample/data/tweets.js")))!;
        using var temp = new TempFolder();
        var zip = temp.File("archive.zip");
        ZipFile.CreateFromDirectory(folder, zip);
        var db = temp.File("r.db");

        var first = await CliRun.RunAsync("import", folder, "--format", "twitter-archive", "--json", "--db", db);
        var second = await CliRun.RunAsync("import", zip, "--format", "twitter-archive", "--json", "--db", db);
        var stats = await CliRun.RunAsync("stats", "--json", "--db", db);

        Assert.Equal(0, first.ExitCode);
        var added = JsonDocument.Parse(first.Out).RootElement;
        Assert.Equal(1_986, added.GetProperty("posts_added").GetInt64());
        Assert.Equal(0, added.GetProperty("errors_skipped").GetInt64());
        var skippedLikes = added.GetProperty("not_imported").EnumerateObject().Single(p => p.Name.StartsWith("likes", StringComparison.Ordinal)).Value.GetInt64();
        var network = JsonDocument.Parse(stats.Out).RootElement.GetProperty("stats").GetProperty("by_network")[0];
        var byKind = network.GetProperty("interactions_by_kind");
        Assert.Equal(420 + 295, byKind.GetProperty("follow").GetInt64());
        Assert.Equal(643, byKind.GetProperty("repost").GetInt64());
        Assert.Equal(485, byKind.GetProperty("reply").GetInt64());
        Assert.Equal(1_359, byKind.GetProperty("like").GetInt64() + skippedLikes);

        Assert.Equal(0, second.ExitCode);
        var again = JsonDocument.Parse(second.Out).RootElement;
        Assert.Equal(0, again.GetProperty("posts_added").GetInt64() + again.GetProperty("interactions_added").GetInt64() + again.GetProperty("accounts_added").GetInt64());
        Assert.Equal(again.GetProperty("records_read").GetInt64(), again.GetProperty("duplicates_skipped").GetInt64());
        Assert.Equal(1_986, again.GetProperty("duplicates").GetProperty("posts").GetInt64());
    }

    [Fact]
    public async Task ImportApiV2_BrokenLine_Exits65AtFileAndLineAndLeavesDatabaseUnchanged_LenientImportsTheRest()
    {
        var path = SharedData.File("twitter-api-samples/v2-twarc/streaming_output_with_error.jsonl");
        using var temp = new TempFolder();
        var db = temp.File("r.db");

        var strict = await CliRun.RunAsync("import", path, "--format", "twitter-api-v2", "--db", db);
        var unchanged = await CliRun.RunAsync("stats", "--json", "--db", db);
        var lenient = await CliRun.RunAsync("import", path, "--format", "twitter-api-v2", "--lenient", "--json", "--db", db);

        Assert.Equal(65, strict.ExitCode);
        Assert.Contains($"{path}:8: is not valid JSON", strict.Error, StringComparison.Ordinal);
        var before = JsonDocument.Parse(unchanged.Out).RootElement.GetProperty("stats");
        Assert.Equal(0, before.GetProperty("interactions").GetInt64());
        Assert.Equal(0, before.GetProperty("accounts").GetInt64());
        Assert.Equal(0, before.GetProperty("import_runs").GetInt64());

        Assert.Equal(0, lenient.ExitCode);
        var summary = JsonDocument.Parse(lenient.Out).RootElement;
        Assert.Equal(1, summary.GetProperty("errors_skipped").GetInt64());
        Assert.StartsWith($"{path}:8:", summary.GetProperty("first_errors")[0].GetString(), StringComparison.Ordinal);
        var dataTweets = File.ReadLines(path).Take(7).Count();
        Assert.InRange(summary.GetProperty("posts_added").GetInt64(), dataTweets, long.MaxValue);
    }
}
