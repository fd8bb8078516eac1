using Resonance.Application.Importing;
using Resonance.Application.Scoring;
using Resonance.Domain;

namespace Resonance.Storage.Tests.Scoring;

/// <summary>The scorer's input: interactions in the window plus untimed ones, and posts in the window, per network or all.</summary>
public sealed class ScoringInputTests
{
    private const string Jsonl = """
        {"type":"account","network":"mastodon","id":"1","handle":"@ada@example.social"}
        {"type":"post","network":"mastodon","id":"p0","author":"2","created":"2024-04-30T23:59:59.999Z"}
        {"type":"post","network":"mastodon","id":"p1","author":"1","created":"2024-05-01T12:00:00Z"}
        {"type":"post","network":"mastodon","id":"p2","author":"3","created":"2024-05-02T00:00:00Z"}
        {"type":"post","network":"bsky","id":"q1","author":"x","created":"2024-05-01T08:00:00Z"}
        {"type":"interaction","network":"mastodon","time":"2024-05-01T12:03:00Z","actor":"2","target":"1","kind":"repost","post":"p1"}
        {"type":"interaction","network":"mastodon","time":"2024-05-01T12:04:00Z","actor":"3","target":"1","kind":"like","post":"p1","weight":2.5}
        {"type":"interaction","network":"mastodon","actor":"3","target":"1","kind":"follow","weight":0.75}
        {"type":"interaction","network":"mastodon","time":"2024-05-01T00:00:00Z","actor":"1","target":"3","kind":"reply"}
        {"type":"interaction","network":"mastodon","time":"2024-05-02T00:00:00Z","actor":"1","target":"2","kind":"quote"}
        {"type":"interaction","network":"mastodon","time":"2024-04-30T23:59:59.999Z","actor":"2","target":"3","kind":"reply"}
        {"type":"interaction","network":"mastodon","time":"2024-06-01T00:00:00Z","actor":"1","target":"2","kind":"mention"}
        {"type":"interaction","network":"bsky","time":"2024-05-01T13:00:00Z","actor":"x","target":"y","kind":"repost"}
        {"type":"interaction","network":"bsky","actor":"y","target":"x","kind":"follow"}
        {"type":"interaction","network":"edges","actor":"a","target":"b","kind":"follow"}
        """;

    private static readonly long From = Ms("2024-05-01T00:00:00Z");
    private static readonly long To = Ms("2024-05-02T00:00:00Z");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoadScoringInput_OneNetwork_WindowInclusivePlusUntimedAndItsPosts(string provider)
    {
        var (db, store) = await ImportedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;

        var input = await store.LoadScoringInputAsync("mastodon", From, To, ct);

        (string, string, InteractionKind, long, double)[] expected =
        [
            ("mastodon:1", "mastodon:3", InteractionKind.Reply, From, 1.0),
            ("mastodon:1", "mastodon:2", InteractionKind.Quote, To, 1.0),
            ("mastodon:2", "mastodon:1", InteractionKind.Repost, Ms("2024-05-01T12:03:00Z"), 1.0),
            ("mastodon:3", "mastodon:1", InteractionKind.Like, Ms("2024-05-01T12:04:00Z"), 2.5),
            ("mastodon:3", "mastodon:1", InteractionKind.Follow, ScoringInput.Untimed, 0.75),
        ];
        Assert.Equal(expected.Order(), await InteractionsAsync(store, input));
        Assert.Equal([("mastodon:1", Ms("2024-05-01T12:00:00Z")), ("mastodon:3", To)], await PostsAsync(store, input));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoadScoringInput_AllNetworks_IncludesEveryNetworksRows(string provider)
    {
        var (db, store) = await ImportedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;

        var input = await store.LoadScoringInputAsync(null, From, To, ct);

        var interactions = await InteractionsAsync(store, input);
        Assert.Equal(8, interactions.Count);
        Assert.Contains(("bsky:x", "bsky:y", InteractionKind.Repost, Ms("2024-05-01T13:00:00Z"), 1.0), interactions);
        Assert.Contains(("bsky:y", "bsky:x", InteractionKind.Follow, ScoringInput.Untimed, 1.0), interactions);
        Assert.Contains(("edges:a", "edges:b", InteractionKind.Follow, ScoringInput.Untimed, 1.0), interactions);
        Assert.Equal([("bsky:x", Ms("2024-05-01T08:00:00Z")), ("mastodon:1", Ms("2024-05-01T12:00:00Z")), ("mastodon:3", To)],
            await PostsAsync(store, input));
        Assert.Equal(To, input.LatestTimeMs);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoadScoringInput_UnknownNetwork_NamesTheKnownOnes(string provider)
    {
        var (db, store) = await ImportedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;

        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.LoadScoringInputAsync("twitter", From, To, ct));

        Assert.StartsWith("unknown network 'twitter'; known: bsky, edges, mastodon", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => store.LatestInteractionTimeAsync("twitter", ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LatestInteractionTime_IgnoresUntimedAndIsNullWithoutTimes(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        Assert.Null(await store.LatestInteractionTimeAsync(null, ct));
        await new ImportService(store).RunAsync([Sources.Text("a.jsonl", Jsonl, "jsonl")], new ImportOptions("jsonl"), ct: ct);

        Assert.Equal(Ms("2024-06-01T00:00:00Z"), await store.LatestInteractionTimeAsync(null, ct));
        Assert.Equal(Ms("2024-06-01T00:00:00Z"), await store.LatestInteractionTimeAsync("mastodon", ct));
        Assert.Equal(Ms("2024-05-01T13:00:00Z"), await store.LatestInteractionTimeAsync("bsky", ct));
        Assert.Null(await store.LatestInteractionTimeAsync("edges", ct));
    }

    private static async Task<(TestDatabase, RelationalResonanceStore)> ImportedAsync(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await new ImportService(store).RunAsync([Sources.Text("a.jsonl", Jsonl, "jsonl")], new ImportOptions("jsonl"),
            ct: TestContext.Current.CancellationToken);
        return (db, store);
    }

    /// <summary>The input's interactions with account ids named <c>network:external id</c>, sorted.</summary>
    private static async Task<List<(string, string, InteractionKind, long, double)>> InteractionsAsync(IScoreStore store, ScoringInput input)
    {
        var names = await store.DescribeAccountsAsync([.. input.ActorIds, .. input.TargetIds, .. input.PostAuthorIds], TestContext.Current.CancellationToken);
        return [.. Enumerable.Range(0, input.InteractionCount)
            .Select(i => (Name(names[input.ActorIds[i]]), Name(names[input.TargetIds[i]]), input.Kinds[i], input.TimesMs[i], input.Weights[i]))
            .Order()];
    }

    private static async Task<List<(string, long)>> PostsAsync(IScoreStore store, ScoringInput input)
    {
        var names = await store.DescribeAccountsAsync(input.PostAuthorIds, TestContext.Current.CancellationToken);
        return [.. input.PostAuthorIds.Select((id, i) => (Name(names[id]), input.PostTimesMs[i])).Order()];
    }

    private static string Name(AccountRef account) => $"{account.Network}:{account.ExternalId}";

    private static long Ms(string time) => DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
}
