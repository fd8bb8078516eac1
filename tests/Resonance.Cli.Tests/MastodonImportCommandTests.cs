using System.Text.Json;
using Resonance.Tests.Shared;

namespace Resonance.Cli.Tests;

/// <summary><c>resonance import --format mastodon</c> on the recorded Mastodon API samples, into SQLite.</summary>
[Trait("Category", "Slow")]
public sealed class MastodonImportCommandTests
{
    private static readonly string[] Samples =
    [
        "mastodon-api-samples/rtoot/get_context_anonymous.1.json",
        "mastodon-api-samples/rtoot/get_account_statuses_default.1.json",
        "mastodon-api-samples/rtoot/get_reblogged_by_anonymous.1.json",
    ];

    [Fact]
    public async Task Import_Samples_CountsMatchAndReimportAddsNothing()
    {
        var paths = Samples.Select(SharedData.File).ToArray();
        using var temp = new TempFolder();
        var db = temp.File("m.db");

        var first = await CliRun.RunAsync(["import", .. paths, "--format", "mastodon", "--json", "--db", db]);
        var second = await CliRun.RunAsync(["import", .. paths, "--format", "mastodon", "--json", "--db", db]);
        var stats = await CliRun.RunAsync("stats", "--json", "--db", db);

        // SOURCE.md: 59 descendants in the thread and 20 statuses of the fosstodon account (none a boost); each of the 59
        // replies and 11 of the 20 statuses (8 with a parent, 3 whose parent was deleted) reply to an account.
        Assert.Equal(0, first.ExitCode);
        var added = JsonDocument.Parse(first.Out).RootElement;
        Assert.Equal(59 + 20, added.GetProperty("posts_added").GetInt64());
        var again = JsonDocument.Parse(second.Out).RootElement;
        Assert.Equal(0, again.GetProperty("posts_added").GetInt64() + again.GetProperty("interactions_added").GetInt64() + again.GetProperty("accounts_added").GetInt64());
        Assert.Equal(added.GetProperty("records_read").GetInt64(), again.GetProperty("duplicates_skipped").GetInt64());
        var network = JsonDocument.Parse(stats.Out).RootElement.GetProperty("stats").GetProperty("by_network")[0];
        Assert.Equal("mastodon", network.GetProperty("network").GetString());
        Assert.Equal(59 + 11, network.GetProperty("interactions_by_kind").GetProperty("reply").GetInt64());
    }

    [Fact]
    public async Task Import_MalformedJsonLine_Exits65WithFileAndLineAndLeavesDatabaseUnchanged()
    {
        var sample = SharedData.File(Samples[2]);
        using var temp = new TempFolder();
        var db = temp.File("m.db");
        var bad = temp.File("bad.jsonl");
        var body = JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(sample)).RootElement.GetProperty("body")); // one line
        File.WriteAllLines(bad, [body, """{"acct": "x@y.example", "display_name": }""", body]);

        var good = await CliRun.RunAsync("import", sample, "--format", "mastodon", "--json", "--db", db);
        var before = await CliRun.RunAsync("stats", "--json", "--db", db);
        var run = await CliRun.RunAsync("import", bad, "--format", "mastodon", "--db", db);
        var after = await CliRun.RunAsync("stats", "--json", "--db", db);

        Assert.Equal(0, good.ExitCode);
        Assert.Equal(65, run.ExitCode);
        Assert.Contains($"{bad}:2:", run.Error, StringComparison.Ordinal);
        Assert.Equal(before.Out, after.Out);
    }

    [Fact]
    public async Task Import_WithTaxonomy_StoresTopicsWithItAndABadOneExits65BeforeTheDatabaseIsOpened()
    {
        var paths = Samples.Select(SharedData.File).ToArray();
        using var temp = new TempFolder();
        var db = temp.File("m.db");
        var taxonomy = temp.File("ops.tsv");
        var bad = temp.File("bad.tsv");
        File.WriteAllText(taxonomy, "quarto\tdata-science\t#quartopub,quarto\n");
        File.WriteAllText(bad, "quarto\tdata-sciense\t#quartopub\n");

        var refused = await CliRun.RunAsync(["import", .. paths, "--format", "mastodon", "--db", db, "--taxonomy", bad]);
        var missing = await CliRun.RunAsync(["import", .. paths, "--format", "mastodon", "--db", db, "--taxonomy", temp.File("none.tsv")]);
        Assert.Equal(65, refused.ExitCode);
        Assert.Contains($"{bad}:1: field 'parent': topic 'quarto' has unknown parent 'data-sciense'.", refused.Error, StringComparison.Ordinal);
        Assert.Equal(64, missing.ExitCode);
        Assert.False(File.Exists(db));

        var imported = await CliRun.RunAsync(["import", .. paths, "--format", "mastodon", "--json", "--db", db, "--taxonomy", taxonomy]);
        Assert.Equal(0, imported.ExitCode);
        // Every post's topics were stored with the operator's taxonomy: nothing to extract for it, all 79 for the built-in one.
        var again = (await CliRun.RunAsync("topics", "extract", "--db", db, "--taxonomy", taxonomy, "--json")).Json();
        var builtIn = (await CliRun.RunAsync("topics", "extract", "--db", db, "--json")).Json();
        Assert.Equal(0, again.GetProperty("extracted").GetInt64());
        Assert.Equal(59 + 20, builtIn.GetProperty("extracted").GetInt64());
    }
}
