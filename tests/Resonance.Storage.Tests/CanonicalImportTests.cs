using Resonance.Application.Importing;

namespace Resonance.Storage.Tests;

/// <summary>Accounts, posts and interactions from the canonical JSONL format: natural keys, updates, untimed edges.</summary>
public sealed class CanonicalImportTests
{
    private const string Jsonl = """
        {"type":"account","network":"mastodon","id":"1","handle":"@ada@example.social","display_name":"Ada"}
        {"type":"post","network":"mastodon","id":"p1","author":"1","created":"2024-05-01T12:00:00Z","text":"Hello #Fediverse","hashtags":["fediverse"]}
        {"type":"interaction","network":"mastodon","time":"2024-05-01T12:03:00Z","actor":"2","target":"1","kind":"repost","post":"p1"}
        {"type":"interaction","network":"mastodon","time":"2024-05-01T12:04:00Z","actor":"3","target":"1","kind":"like","post":"p1"}
        {"type":"interaction","network":"mastodon","actor":"3","target":"1","kind":"follow","weight":1}
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_CanonicalJsonlTwice_SecondAddsNothingAndCountsDuplicates(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var service = new ImportService(store);
        var ct = TestContext.Current.CancellationToken;

        var first = await service.RunAsync([Sources.Text("a.jsonl", Jsonl, "jsonl")], new ImportOptions("jsonl"), ct: ct);
        var second = await service.RunAsync([Sources.Text("a.jsonl", Jsonl, "jsonl")], new ImportOptions("jsonl"), ct: ct);

        Assert.Equal((3L, 1L, 3L), (first.Counts.AccountsAdded, first.Counts.PostsAdded, first.Counts.InteractionsAdded));
        Assert.Equal(0, first.Counts.DuplicatesSkipped);
        Assert.Equal((0L, 0L, 0L), (second.Counts.AccountsAdded, second.Counts.PostsAdded, second.Counts.InteractionsAdded));
        Assert.Equal((1L, 1L, 3L), (second.Counts.AccountsDuplicate, second.Counts.PostsDuplicate, second.Counts.InteractionsDuplicate));
        var stats = await store.GetStatsAsync(1, ct);
        var network = Assert.Single(stats.ByNetwork);
        Assert.Equal(1, network.UntimedInteractions);
        Assert.Equal(DateTimeOffset.Parse("2024-05-01T12:03:00Z", System.Globalization.CultureInfo.InvariantCulture), network.FirstInteraction);
        Assert.Equal("@ada@example.social", stats.TopAccounts[0].Handle);
        Assert.Equal(3, stats.TopAccounts[0].InteractionsReceived);
        Assert.Equal(2, stats.TopAccounts[0].DistinctActors);
    }

    /// <summary>An unfollow (kind 7) is stored and counted under its own name, with no migration, and is not an
    /// interaction its target received.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_Unfollows_StoresThemUnderTheirKindButNotAsInteractionsReceived(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        var unfollows = Jsonl + "\n" + """
            {"type":"interaction","network":"mastodon","time":"2024-05-02T08:00:00Z","actor":"3","target":"1","kind":"unfollow"}
            {"type":"interaction","network":"mastodon","time":"2024-05-02T09:00:00Z","actor":"4","target":"1","kind":"unfollow"}
            """;

        var result = await new ImportService(store).RunAsync([Sources.Text("a.jsonl", unfollows, "jsonl")], new ImportOptions("jsonl"), ct: ct);

        Assert.Equal(5, result.Counts.InteractionsAdded);
        var stats = await store.GetStatsAsync(1, ct);
        var network = Assert.Single(stats.ByNetwork);
        Assert.Equal(2, network.InteractionsByKind["unfollow"]);
        Assert.Equal(5, network.Interactions);
        Assert.Equal(3, stats.TopAccounts[0].InteractionsReceived);
        Assert.Equal(2, stats.TopAccounts[0].DistinctActors);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_AccountRecordWithNewHandle_UpdatesAndCountsIt(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var service = new ImportService(store);
        var ct = TestContext.Current.CancellationToken;
        await service.RunAsync([Sources.Text("a.jsonl", Jsonl, "jsonl")], new ImportOptions("jsonl"), ct: ct);

        var renamed = """{"type":"account","network":"mastodon","id":"1","handle":"@ada@new.example"}""";
        var result = await service.RunAsync([Sources.Text("b.jsonl", renamed, "jsonl")], new ImportOptions("jsonl"), ct: ct);

        Assert.Equal(1, result.Counts.AccountsUpdated);
        Assert.Equal(0, result.Counts.AccountsAdded);
        var stats = await store.GetStatsAsync(1, ct);
        Assert.Equal("@ada@new.example", stats.TopAccounts[0].Handle);
        Assert.Equal(3, stats.Accounts);
    }
}
