using System.Data.Common;
using Resonance.Application.Importing;
using Resonance.Application.Scoring;
using Resonance.Storage.Members;

namespace Resonance.Storage.Tests.Members;

/// <summary>Opt-out on both providers: after erasing a member, no table holds their account's id, handle, display name
/// or post text (only the salted tombstone remains), others' reposts of their posts are gone, mentions of them are
/// redacted, and importing the same data again keeps them erased.</summary>
public sealed class ErasureTests
{
    private const string Data = """
        {"type":"account","network":"mastodon","id":"ext-alice-7731","handle":"@alice_erasable@example.social","display_name":"Alice Erasable-Person"}
        {"type":"account","network":"mastodon","id":"ext-bob","handle":"@bob@example.social","display_name":"Bob"}
        {"type":"account","network":"mastodon","id":"ext-carol","handle":"@carol@example.social","display_name":"Carol"}
        {"type":"post","network":"mastodon","id":"p-alice-1","author":"ext-alice-7731","created":"2024-05-01T12:00:00Z","text":"Quokkas at dawn, a zebra-striped sunrise #photography"}
        {"type":"post","network":"mastodon","id":"p-carol-1","author":"ext-carol","created":"2024-05-01T12:30:00Z","text":"Thanks @alice_erasable@example.social for the tip #photography"}
        {"type":"post","network":"mastodon","id":"p-bob-rp","author":"ext-bob","created":"2024-05-01T13:00:00Z","repost_of":"p-alice-1"}
        {"type":"post","network":"mastodon","id":"p-bob-reply","author":"ext-bob","created":"2024-05-01T13:05:00Z","text":"Lovely","reply_to":"p-alice-1"}
        {"type":"interaction","network":"mastodon","time":"2024-05-01T13:00:00Z","actor":"ext-bob","target":"ext-alice-7731","kind":"repost","post":"p-alice-1"}
        {"type":"interaction","network":"mastodon","time":"2024-05-01T13:05:00Z","actor":"ext-bob","target":"ext-alice-7731","kind":"reply","post":"p-alice-1"}
        {"type":"interaction","network":"mastodon","time":"2024-05-01T12:30:00Z","actor":"ext-carol","target":"ext-alice-7731","kind":"mention","post":"p-carol-1"}
        {"type":"interaction","network":"mastodon","time":"2024-05-01T14:00:00Z","actor":"ext-alice-7731","target":"ext-carol","kind":"like","post":"p-carol-1"}
        {"type":"interaction","network":"mastodon","time":"2024-05-01T14:10:00Z","actor":"ext-carol","target":"ext-bob","kind":"like","post":"p-bob-reply"}
        """;

    private static readonly string[] Secrets = ["ext-alice-7731", "alice_erasable", "Alice Erasable-Person", "Quokkas at dawn", "p-alice-1"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EraseMember_LeavesNoTraceInAnyTable_AndKeepsThemErased(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        await ImportAsync(store);
        await new ScoringService(store).RunAsync(new ScoreRequest(ScoringAlgorithms.Default), null, ct);
        var userId = await AddMemberAsync(store, "alice");
        var alice = await AccountNames.ResolveAsync(store, "mastodon:ext-alice-7731", ct);
        var claim = await store.ClaimAsync(userId, alice, ct);
        await store.DecideClaimAsync(claim.Id, approve: true, ct);
        Assert.True(await store.GetScoreAsync((await store.ListRunsAsync(ct))[^1].Id, alice.Id, ct) is not null, "alice must have a score to erase");
        // A rejected topic whose stored terms quote her post: a row left behind would show up in the scan.
        await store.HideTopicAsync(userId, alice.Id, "wildlife", ["Quokkas at dawn"], ct);
        Assert.Single(await store.RejectionsAsync(alice.Id, ct));

        Assert.Equal(1, await db.ScalarAsync($"SELECT COUNT(*) FROM community_members WHERE account_id = {alice.Id}"));
        // The run stored her topic score with its evidence counts; her contributions to carol's topic score (she liked
        // carol's post about photography) are derived on read from her interactions and main contributions.
        Assert.Equal(1, await db.ScalarAsync($"SELECT COUNT(*) FROM topic_scores WHERE account_id = {alice.Id} AND posts = 1"));

        var report = await store.EraseMemberAsync(userId, ct);
        var leaks = await ScanAsync(db);
        var again = await ImportAsync(store);

        Assert.Equal(["mastodon:@alice_erasable@example.social"], report.Accounts);
        Assert.Equal(4, report.Interactions);
        Assert.Equal(1, report.Posts);
        Assert.Equal(1, report.RemovedReposts);
        Assert.Equal(1, report.RedactedMentions);
        Assert.Empty(leaks);
        Assert.Equal(0, await db.ScalarAsync($"SELECT COUNT(*) FROM community_members WHERE account_id = {alice.Id}"));
        Assert.Equal(0, await db.ScalarAsync($"SELECT COUNT(*) FROM topic_scores WHERE account_id = {alice.Id}"));
        Assert.NotEqual(0, await db.ScalarAsync("SELECT COUNT(*) FROM topic_scores")); // bob's and carol's topics stay
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM hidden_topics"));
        Assert.Equal(2, await db.ScalarAsync("SELECT COUNT(*) FROM tombstones")); // her account and her post
        Assert.Equal("Thanks @[erased] for the tip #photography", await TextAsync(db, "SELECT text FROM posts WHERE external_id = 'p-carol-1'"));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM posts WHERE external_id = 'p-bob-reply' AND reply_to IS NULL"));
        Assert.Equal(7, again.ErasedSkipped); // her account, her post, bob's repost of it and her four interactions
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM posts WHERE external_id = 'p-bob-reply' AND reply_to IS NULL")); // re-imported without the reference
        Assert.Empty(await ScanAsync(db));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM interactions")); // carol → bob, untouched
    }

    private static Task<ImportResult> ImportAsync(RelationalResonanceStore store) =>
        new ImportService(store).RunAsync([Sources.Text("erasure.jsonl", Data, "jsonl")], new ImportOptions("jsonl"), null, TestContext.Current.CancellationToken);

    private static async Task<string> AddMemberAsync(RelationalResonanceStore store, string name)
    {
        await using var context = store.CreateContext();
        var user = new MemberUser
        {
            UserName = name, NormalizedUserName = name.ToUpperInvariant(), Email = $"{name}@example.test",
            NormalizedEmail = $"{name}@example.test".ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString(),
        };
        context.Users.Add(user);
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        return user.Id;
    }

    /// <summary>Every value of every table (tombstones aside, which hold only hashes), read as text, that contains one
    /// of the erased person's secrets: "table.column = value".</summary>
    private static async Task<List<string>> ScanAsync(TestDatabase db)
    {
        await using var connection = await db.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = db.Location.Provider == DatabaseLocation.Postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }
        Assert.Contains("interactions", tables);
        var leaks = new List<string>();
        foreach (var table in tables.Where(t => t != "tombstones"))
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    leaks.AddRange(Secrets.Where(s => value.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(_ => $"{table}.{reader.GetName(i)} = {value}"));
                }
            }
        }
        return leaks;
    }

    private static async Task<string?> TextAsync(TestDatabase db, string sql)
    {
        await using DbConnection connection = await db.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
