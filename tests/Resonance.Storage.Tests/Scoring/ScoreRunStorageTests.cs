using System.Data.Common;
using Resonance.Application.Importing;
using Resonance.Application.Scoring;

namespace Resonance.Storage.Tests.Scoring;

/// <summary>Scoring runs are saved whole in one transaction and read back exactly, on both providers.</summary>
public sealed class ScoreRunStorageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveRun_ReadBack_EveryValueRoundTripsBitForBit(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        var draft = SampleRuns.Create(accounts: 300, seed: 1);

        var id = await store.SaveRunAsync(draft, ct);

        var run = await store.GetRunAsync(id, ct);
        Assert.NotNull(run);
        Assert.Equal(id, run.Id);
        Assert.Equal("resonance@2", run.Algorithm.ToString());
        Assert.Equal(TimeSpan.Zero, run.StartedAt.Offset);
        AssertRuns.SameHeader(draft.Info, run);
        AssertRuns.SameHeader(draft.Info, Assert.Single(await store.ListRunsAsync(ct)));
        AssertRuns.Same(draft.Scores, await store.AllScoresAsync(id, ct));
        AssertRuns.Same(draft.Scores.Take(10).ToList(), await store.TopScoresAsync(id, 10, ct));
        foreach (var expected in draft.Scores.Where((_, i) => i % 37 == 0))
        {
            AssertRuns.Same(expected, (await store.GetScoreAsync(id, expected.AccountId, ct))!);
        }
        Assert.Null(await store.GetScoreAsync(id, 1, ct));
        Assert.Null(await store.GetScoreAsync(id + 1, draft.Scores[0].AccountId, ct));
        var stored = new List<ScoreContribution>();
        foreach (var score in draft.Scores)
        {
            var to = await store.ContributionsToAsync(id, score.AccountId, ct);
            AssertRuns.Same(draft.Contributions.Where(c => c.AccountId == score.AccountId)
                .OrderByDescending(c => c.Total).ThenBy(c => c.EngagerId).ToList(), to);
            stored.AddRange(to);
        }
        AssertRuns.Same(Ordered(draft.Contributions), Ordered(stored));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveRun_TwoRunsSideBySide_StayIndependent(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        var first = SampleRuns.Create(accounts: 200, seed: 2, codeRevision: "first");
        var second = SampleRuns.Create(accounts: 150, seed: 3, codeRevision: "second");

        var firstId = await store.SaveRunAsync(first, ct);
        var secondId = await store.SaveRunAsync(second, ct);

        Assert.True(secondId > firstId);
        Assert.Equal(["first", "second"], (await store.ListRunsAsync(ct)).Select(r => r.CodeRevision));
        Assert.Equal([firstId, secondId], (await store.ListRunsAsync(ct)).Select(r => r.Id));
        AssertRuns.Same(first.Scores, await store.AllScoresAsync(firstId, ct));
        AssertRuns.Same(second.Scores, await store.AllScoresAsync(secondId, ct));
        var account = second.Scores[0].AccountId;
        AssertRuns.Same(Ordered(second.Contributions.Where(c => c.AccountId == account)), Ordered(await store.ContributionsToAsync(secondId, account, ct)));
        AssertRuns.Same(Ordered(first.Contributions.Where(c => c.AccountId == account)), Ordered(await store.ContributionsToAsync(firstId, account, ct)));
        Assert.Null(await store.GetRunAsync(secondId + 1, ct));
        Assert.Empty(await store.AllScoresAsync(secondId + 1, ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveRun_DuplicateContributionRow_FailsAndLeavesNothingOfTheRun(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        var kept = SampleRuns.Create(accounts: 100, seed: 4);
        await store.SaveRunAsync(kept, ct);
        var bad = SampleRuns.Create(accounts: 300, seed: 5);
        var duplicated = bad.Contributions[^1] with { Reach = 1 };
        var broken = bad with { Contributions = [.. bad.Contributions, duplicated] };

        await Assert.ThrowsAnyAsync<DbException>(() => store.SaveRunAsync(broken, ct));

        Assert.Single(await store.ListRunsAsync(ct));
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM score_runs"));
        Assert.Equal(kept.Scores.Count, await db.ScalarAsync("SELECT count(*) FROM account_scores"));
        Assert.Equal(kept.Contributions.Count, await db.ScalarAsync("SELECT count(*) FROM score_contributions"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveRun_NaNScore_IsRefusedBeforeWriting(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        var draft = SampleRuns.Create(accounts: 20, seed: 6);
        var broken = draft with { Scores = [.. draft.Scores.Skip(1), draft.Scores[0] with { Low = double.NaN }] };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveRunAsync(broken, ct));

        Assert.Contains("NaN", e.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListRunsAsync(ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ContributionsFrom_OneEngager_LargestTotalFirstTiesByAccountAndCapped(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        var draft = SampleRuns.Create(accounts: 10, seed: 7);
        const long engager = 99;
        ScoreContribution[] mine =
        [
            new(40, engager, 1, 0, 0), new(10, engager, 0.25, 0.25, 0.5), new(30, engager, 0, 3, 0),
            new(20, engager, 0.5, 0.5, 0), new(50, engager, -1, 0, 0), new(60, engager, 0, 0, 2),
        ];
        var id = await store.SaveRunAsync(draft with { Contributions = [.. draft.Contributions, .. mine, new(40, 98, 100, 0, 0)] }, ct);

        var all = await store.ContributionsFromAsync(id, engager, 10, ct);
        var top = await store.ContributionsFromAsync(id, engager, 3, ct);

        Assert.Equal([30L, 60, 10, 20, 40, 50], all.Select(c => c.AccountId));
        Assert.Equal([30L, 60, 10], top.Select(c => c.AccountId));
        Assert.All(all, c => Assert.Equal(engager, c.EngagerId));
        Assert.Empty(await store.ContributionsFromAsync(id, engager, 0, ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reads_UnmigratedDatabase_SayToRunMigrate(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var store = ResonanceStores.Open(db.Location);
        var ct = TestContext.Current.CancellationToken;

        var list = await Assert.ThrowsAsync<StoreNotReadyException>(() => store.ListRunsAsync(ct));
        var save = await Assert.ThrowsAsync<StoreNotReadyException>(() => store.SaveRunAsync(SampleRuns.Create(3, 8), ct));
        var load = await Assert.ThrowsAsync<StoreNotReadyException>(() => store.LoadScoringInputAsync(null, 0, 1, ct));

        Assert.All(new[] { list, save, load }, e => Assert.Contains("resonance db migrate", e.Message, StringComparison.Ordinal));
    }

    private static List<ScoreContribution> Ordered(IEnumerable<ScoreContribution> contributions) =>
        [.. contributions.OrderBy(c => c.AccountId).ThenBy(c => c.EngagerId)];
}
