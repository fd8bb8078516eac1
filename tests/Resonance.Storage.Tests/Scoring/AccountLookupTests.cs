using Resonance.Application.Importing;

namespace Resonance.Storage.Tests.Scoring;

/// <summary>Finding accounts by external id or handle, and naming many accounts at once.</summary>
public sealed class AccountLookupTests
{
    private const string Jsonl = """
        {"type":"account","network":"mastodon","id":"1","handle":"@ada@example.social"}
        {"type":"account","network":"mastodon","id":"2","handle":"Bob"}
        {"type":"account","network":"mastodon","id":"bob"}
        {"type":"account","network":"bsky","id":"1","handle":"carol.bsky.social"}
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindAccount_ByIdThenHandle_IgnoresCaseAndLeadingAt(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        await new ImportService(store).RunAsync([Sources.Text("a.jsonl", Jsonl, "jsonl")], new ImportOptions("jsonl"), ct: ct);

        var ada = await store.FindAccountAsync("mastodon", "1", ct);
        var byHandle = await store.FindAccountAsync("mastodon", "ADA@example.social", ct);
        var byAtHandle = await store.FindAccountAsync("mastodon", "@ada@Example.Social", ct);
        var idBeatsHandle = await store.FindAccountAsync("mastodon", "bob", ct);
        var bob = await store.FindAccountAsync("mastodon", "@BOB", ct);
        var carol = await store.FindAccountAsync("bsky", "@carol.bsky.social", ct);

        Assert.NotNull(ada);
        Assert.Equal(("mastodon", "1", "@ada@example.social"), (ada.Network, ada.ExternalId, ada.Handle));
        Assert.Equal("mastodon:@ada@example.social", ada.Label);
        Assert.Equal(ada, byHandle);
        Assert.Equal(ada, byAtHandle);
        Assert.Equal(("bob", null), (idBeatsHandle?.ExternalId, idBeatsHandle?.Handle));
        Assert.Equal(("2", "Bob"), (bob?.ExternalId, bob?.Handle));
        Assert.Equal(("bsky", "1"), (carol?.Network, carol?.ExternalId));
        Assert.NotEqual(ada.Id, carol!.Id);
        Assert.Null(await store.FindAccountAsync("mastodon", "carol.bsky.social", ct));
        Assert.Null(await store.FindAccountAsync("mastodon", "nobody", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.FindAccountAsync("myspace", "1", ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DescribeAccounts_MoreIdsThanOneBatch_NamesEveryKnownIdAndSkipsUnknownOnes(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        var lines = string.Concat(Enumerable.Range(1, 1_200).Select(i => $"{i} {i + 1} {1_341_100_972 + i} RT\n"));
        await new ImportService(store).RunAsync([Sources.Text("h.txt", lines, "higgs-activity")], new ImportOptions("higgs-activity"), ct: ct);
        var input = await store.LoadScoringInputAsync(null, long.MinValue + 1, long.MaxValue, ct);
        var ids = input.ActorIds.Concat(input.TargetIds).Distinct().ToList();

        var names = await store.DescribeAccountsAsync([.. ids, -5, ids[0]], ct);

        Assert.Equal(1_201, ids.Count);
        Assert.Equal(ids.Order(), names.Keys.Order());
        Assert.Equal(Enumerable.Range(1, 1_201).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal),
            names.Values.Select(a => a.ExternalId).Order(StringComparer.Ordinal));
        Assert.All(names, pair => Assert.Equal(pair.Key, pair.Value.Id));
        Assert.Single(names.Values.Select(a => a.Network).Distinct());
        Assert.Empty(await store.DescribeAccountsAsync([], ct));
    }
}
