using System.Text.Json;
using Resonance.Tests.Shared;

namespace Resonance.Cli.Tests;

/// <summary>
/// <c>resonance import --format bluesky</c> end to end into SQLite, on the real repository exports in
/// shared/data/bluesky-atproto-samples/repo-car. paul_staging's current tree holds 101 posts, 60 likes, 15 reposts,
/// 8 follows and 1 profile; its posts carry 19 replies and 6 quotes, and 12 distinct DIDs take part (counted by a
/// separate Python reader, see tests/Resonance.Ingest.Tests/Formats/Bluesky/BlueskyCarReaderTests.cs).
/// </summary>
public sealed class BlueskyImportCommandTests
{
    private static string Sample(string file) => SharedData.File("bluesky-atproto-samples/repo-car/" + file);

    [Fact]
    public async Task Import_RepositoryCar_AddsItsRecords_AndAgainAddsNothing()
    {
        var path = Sample("paul_staging.repo.car");
        using var temp = new TempFolder();
        var db = temp.File("b.db");

        var first = await CliRun.RunAsync("import", path, "--format", "bluesky", "--json", "--db", db);
        var second = await CliRun.RunAsync("import", path, "--format", "bluesky", "--json", "--db", db);

        Assert.Equal(0, first.ExitCode);
        var a = JsonDocument.Parse(first.Out).RootElement;
        Assert.Equal(12, a.GetProperty("accounts_added").GetInt64());
        Assert.Equal(101, a.GetProperty("posts_added").GetInt64());
        Assert.Equal(60 + 15 + 8 + 19 + 6, a.GetProperty("interactions_added").GetInt64());
        Assert.Equal(215, a.GetProperty("skipped").GetProperty("CAR block not in the repository's current tree (an older commit's, or unused)").GetInt64());
        Assert.Equal(0, second.ExitCode);
        var b = JsonDocument.Parse(second.Out).RootElement;
        Assert.Equal(0, b.GetProperty("accounts_added").GetInt64() + b.GetProperty("posts_added").GetInt64() + b.GetProperty("interactions_added").GetInt64());
        Assert.Equal(1 + 101 + 108, b.GetProperty("duplicates_skipped").GetInt64());
    }

    [Fact]
    public async Task Import_CarWithAFlippedByte_Exits65NamingTheBlockAndLeavesTheDatabaseUnchanged()
    {
        using var temp = new TempFolder();
        var db = temp.File("b.db");
        Assert.Equal(0, (await CliRun.RunAsync("import", Sample("greenground.repo.car"), "--format", "bluesky", "--db", db)).ExitCode);
        var before = (await CliRun.RunAsync("stats", "--json", "--db", db)).Out;
        var corrupt = temp.File("corrupt.car");
        var bytes = File.ReadAllBytes(Sample("bnewbold.robocracy.org.20250310005405.car"));
        bytes[bytes.AsSpan().IndexOf("what about this"u8)] ^= 0x20;
        File.WriteAllBytes(corrupt, bytes);

        var run = await CliRun.RunAsync("import", corrupt, "--format", "bluesky", "--db", db);
        var after = (await CliRun.RunAsync("stats", "--json", "--db", db)).Out;

        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        // Block 45 holds the post whose text was changed, so it no longer hashes to its CID.
        Assert.Contains($"{corrupt}:45: field 'cid': block does not hash to its CID", run.Error, StringComparison.Ordinal);
        Assert.Equal(Stats(before).GetRawText(), Stats(after).GetRawText());
        Assert.Equal(2, Stats(after).GetProperty("interactions").GetInt64());
    }

    [Fact]
    public async Task Import_DryRun_ListsSkippedRecordTypes()
    {
        var run = await CliRun.RunAsync("import", Sample("bnewbold.robocracy.org.20250310005405.car"), "--format", "bluesky", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Checked 37 records", run.Out, StringComparison.Ordinal);
        Assert.Contains("5  com.atproto.lexicon.schema", run.Out, StringComparison.Ordinal);
    }

    private static JsonElement Stats(string json) => JsonDocument.Parse(json).RootElement.GetProperty("stats").Clone();
}
