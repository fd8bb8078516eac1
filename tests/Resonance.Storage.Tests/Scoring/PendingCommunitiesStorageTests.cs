using Resonance.Application.Communities;
using Resonance.Application.Scoring;

namespace Resonance.Storage.Tests.Scoring;

/// <summary>A run's communities may still be computing when its save starts (the community step runs beside the save): the
/// store writes the scores and contributions, then awaits them in the same transaction. On both providers.</summary>
public sealed class PendingCommunitiesStorageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveRun_CommunitiesThatArriveDuringTheSave_AreStoredAsIfGivenUpFront(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        var draft = SampleRuns.Create(accounts: 400, seed: 11);
        var communities = Partition(draft, groups: 7);
        var awaited = 0;

        var given = await store.SaveRunAsync(draft with { Communities = communities }, ct);
        var pending = await store.SaveRunAsync(draft with
        {
            PendingCommunities = async () =>
            {
                Interlocked.Increment(ref awaited);
                await Task.Yield(); // still computing when the store asks for them
                return communities;
            },
        }, ct);

        Assert.Equal(1, awaited);
        Assert.NotEqual(given, pending);
        var expected = await store.CommunitiesAsync(given, ct);
        Assert.Equal(7, expected.Count);
        Assert.Equal(expected, await store.CommunitiesAsync(pending, ct));
        var standings = await store.AllCommunityStandingsAsync(pending, ct);
        Assert.Equal(draft.Scores.Count, standings.Count);
        Assert.Equal(await store.AllCommunityStandingsAsync(given, ct), standings);
        AssertRuns.Same(draft.Scores, await store.AllScoresAsync(pending, ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveRun_CommunityStepFailsDuringTheSave_FailsWithItsErrorAndLeavesNothingOfTheRun(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        var kept = SampleRuns.Create(accounts: 50, seed: 12);
        await store.SaveRunAsync(kept with { Communities = Partition(kept, groups: 3) }, ct);
        var draft = SampleRuns.Create(accounts: 300, seed: 13);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveRunAsync(
            draft with { PendingCommunities = () => Task.FromException<CommunityDraft?>(new InvalidOperationException("the community step failed")) }, ct));

        Assert.Equal("the community step failed", e.Message);
        Assert.Single(await store.ListRunsAsync(ct));
        Assert.Equal(kept.Scores.Count, await db.ScalarAsync("SELECT count(*) FROM account_scores"));
        Assert.Equal(kept.Contributions.Count, await db.ScalarAsync("SELECT count(*) FROM score_contributions"));
        Assert.Equal(3, await db.ScalarAsync("SELECT count(*) FROM communities"));
        Assert.Equal(kept.Scores.Count, await db.ScalarAsync("SELECT count(*) FROM community_members"));
    }

    /// <summary>The run's accounts in <paramref name="groups"/> communities by account id, ranked by the run's rank.</summary>
    private static CommunityDraft Partition(ScoreRunDraft draft, int groups)
    {
        var byCommunity = draft.Scores.GroupBy(s => (int)(s.AccountId % groups) + 1).OrderBy(g => g.Key).ToList();
        var members = byCommunity.SelectMany(g => g.OrderBy(s => s.Rank)
            .Select((s, i) => new CommunityStanding(s.AccountId, g.Key, i + 1, s.Raw / 3))).ToList();
        var summaries = byCommunity.Select(g => new CommunitySummary(g.Key, g.Count() + 1, g.Count())).ToList();
        return new CommunityDraft(summaries, members, 0.25, 2, []);
    }
}
