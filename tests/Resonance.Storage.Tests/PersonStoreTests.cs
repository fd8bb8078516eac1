using Resonance.Application.Importing;
using Resonance.Application.Members;
using Resonance.Application.Persons;
using Resonance.Application.Scoring;
using Resonance.Storage.Members;

namespace Resonance.Storage.Tests;

/// <summary>Members found by email or user name, links and unlinks, and a person's combined score over two networks
/// scored separately, where a member who engages on both is counted once.</summary>
public sealed class PersonStoreTests
{
    // p is the person, below the top on both networks; e engages p on both (three reposts on alpha, one like on beta).
    private const string Jsonl = """
        {"type":"interaction","network":"alpha","time":"2024-05-01T12:00:00Z","actor":"e","target":"p","kind":"repost"}
        {"type":"interaction","network":"alpha","time":"2024-05-01T12:01:00Z","actor":"e","target":"p","kind":"repost"}
        {"type":"interaction","network":"alpha","time":"2024-05-01T12:02:00Z","actor":"e","target":"p","kind":"repost"}
        {"type":"interaction","network":"alpha","time":"2024-05-01T12:03:00Z","actor":"x1","target":"p","kind":"like"}
        {"type":"interaction","network":"alpha","time":"2024-05-01T12:04:00Z","actor":"x1","target":"x2","kind":"reply"}
        {"type":"interaction","network":"alpha","time":"2024-05-01T12:05:00Z","actor":"x2","target":"x3","kind":"repost"}
        {"type":"interaction","network":"alpha","time":"2024-05-01T12:06:00Z","actor":"x4","target":"x3","kind":"repost"}
        {"type":"interaction","network":"alpha","time":"2024-05-01T12:07:00Z","actor":"x5","target":"x3","kind":"repost"}
        {"type":"interaction","network":"alpha","time":"2024-05-01T12:08:00Z","actor":"x1","target":"x3","kind":"repost"}
        {"type":"interaction","network":"beta","time":"2024-05-02T12:00:00Z","actor":"e","target":"p","kind":"like"}
        {"type":"interaction","network":"beta","time":"2024-05-02T12:01:00Z","actor":"y2","target":"p","kind":"reply"}
        {"type":"interaction","network":"beta","time":"2024-05-02T12:02:00Z","actor":"y2","target":"y1","kind":"repost"}
        {"type":"interaction","network":"beta","time":"2024-05-02T12:03:00Z","actor":"y3","target":"y1","kind":"repost"}
        {"type":"interaction","network":"beta","time":"2024-05-02T12:04:00Z","actor":"y4","target":"y1","kind":"repost"}
        {"type":"interaction","network":"beta","time":"2024-05-02T12:05:00Z","actor":"y4","target":"y3","kind":"like"}
        """;

    private static async Task<string> AddMemberAsync(RelationalResonanceStore store, string name, string? email = null)
    {
        await using var db = store.CreateContext();
        email ??= $"{name}@example.org";
        var user = new MemberUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant() };
        db.Users.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return user.Id;
    }

    private static async Task<(PersonLinks Links, PersonScores Scores)> ScoredAsync(RelationalResonanceStore store)
    {
        var ct = TestContext.Current.CancellationToken;
        await new ImportService(store).RunAsync([Sources.Text("two.jsonl", Jsonl, "jsonl")], new ImportOptions("jsonl"), ct: ct);
        foreach (var network in new[] { "alpha", "beta" })
        {
            await new ScoringService(store).RunAsync(new ScoreRequest(ScoringAlgorithms.Default, Network: network), ct: ct);
        }

        var links = new PersonLinks(store, store, store);
        return (links, new PersonScores(store, store, links));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindMember_ByEmailOrUserName_CaseInsensitive_EmailFirst(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        var ada = await AddMemberAsync(store, "ada");
        await AddMemberAsync(store, "bob@example.org", "bob@elsewhere.org");
        var carol = await AddMemberAsync(store, "carol", "bob@example.org");

        Assert.Equal(ada, (await store.FindMemberAsync("ADA", ct))?.UserId);
        Assert.Equal(ada, (await store.FindMemberAsync(" Ada@Example.org ", ct))?.UserId);
        // "bob@example.org" is one member's user name and another's email: the email wins.
        Assert.Equal(carol, (await store.FindMemberAsync("bob@example.org", ct))?.UserId);
        Assert.Null(await store.FindMemberAsync("nobody", ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Link_IsAVerifiedAdminApproval_Unlink_RemovesThatClaimOnly(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        var (links, _) = await ScoredAsync(store);
        var ada = await AddMemberAsync(store, "ada");
        await AddMemberAsync(store, "eve");

        var first = await links.LinkAsync("ada", "alpha:p", ct);
        var again = await links.LinkAsync("ada@example.org", "alpha:p", ct);
        await links.LinkAsync("ada", "beta:p", ct);
        var taken = await Assert.ThrowsAsync<InvalidOperationException>(() => links.LinkAsync("eve", "alpha:p", ct));
        await links.UnlinkAsync("ada", "alpha:p", ct);
        var notLinked = await Assert.ThrowsAsync<ArgumentException>(() => links.UnlinkAsync("ada", "alpha:p", ct));

        Assert.Equal((ClaimStatus.Verified, ClaimProof.AdminApproval, false), (first.Claim.Status, first.Claim.Proof, first.AlreadyLinked));
        Assert.True(again.AlreadyLinked);
        Assert.Contains("already linked to another member (ada)", taken.Message, StringComparison.Ordinal);
        Assert.Contains("alpha:p is not linked to ada", notLinked.Message, StringComparison.Ordinal);
        var left = await links.AccountsOfAsync(new PersonRef(ada, "ada", null), ct);
        Assert.Equal(["beta:p"], left.Select(a => a.Label));
        await Assert.ThrowsAsync<ArgumentException>(() => links.LinkAsync("nobody", "alpha:p", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => links.LinkAsync("ada", "alpha:nobody", ct));
    }

    [Fact]
    public async Task Profile_MemberEngagingOnBothNetworks_IsCountedOnceWhereWorthMore()
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(DatabaseLocation.Sqlite);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        var (links, scores) = await ScoredAsync(store);
        await AddMemberAsync(store, "pat");
        await AddMemberAsync(store, "eve");
        await links.LinkAsync("pat", "alpha:p", ct);
        await links.LinkAsync("pat", "beta:p", ct);
        var pat = await links.PersonAsync("pat", ct);

        var unknownEngager = await scores.ProfileAsync(pat, ct: ct);
        await links.LinkAsync("eve", "alpha:e", ct);
        await links.LinkAsync("eve", "beta:e", ct);
        var knownEngager = await scores.ProfileAsync(pat, ct: ct);

        var before = unknownEngager.Combined!;
        var after = knownEngager.Combined!;
        Assert.Equal(["alpha", "beta"], after.Networks.Select(p => p.Network));
        Assert.All(before.Networks, p => Assert.Empty(p.Removed));
        Assert.Equal(ScoreCombination.Combine(before.Networks.Select(p => p.Score)), before.Score, 12);
        var beta = after.Networks.Single(p => p.Network == "beta");
        var eve = Assert.Single(beta.Removed);
        Assert.Equal(("eve", "alpha"), (knownEngager.MemberName(eve.UserId), eve.KeptOn));
        Assert.True(eve.PointsKept > eve.PointsHere && eve.PointsHere > 0, $"{eve.PointsKept} on alpha, {eve.PointsHere} on beta");
        Assert.Equal(beta.Score - eve.PointsHere, beta.CountedScore, 9);
        Assert.Empty(after.Networks.Single(p => p.Network == "alpha").Removed);
        Assert.True(after.Score < before.Score, $"{after.Score} counts eve once, {before.Score} twice");
        Assert.True(after.Score >= after.Networks.Max(p => p.Score));
    }
}
