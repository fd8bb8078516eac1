using Resonance.Application.Importing;
using Resonance.Tests.Shared;

namespace Resonance.Storage.Tests;

/// <summary>The real Higgs activity file, imported on both providers: published counts, idempotent re-import.</summary>
[Trait("Category", "Slow")]
public sealed class HiggsImportTests
{
    private const string Activity = "higgs-twitter/higgs-activity_time.txt";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_HiggsActivity_MatchesPublishedCountsAndReimportAddsNothing(string provider)
    {
        var path = SharedData.File(Activity);
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var service = new ImportService(store);

        var first = await service.RunAsync([Sources.File(path, "higgs-activity")], new ImportOptions("higgs-activity"), ct: TestContext.Current.CancellationToken);

        // Published in SOURCE.md (SNAP): 563,069 timed actions over 304,691 users; RT/MT/RE 354,930 / 171,237 / 36,902.
        Assert.Equal(563_069, first.Counts.InteractionsAdded);
        Assert.Equal(304_691, first.Counts.AccountsAdded);
        Assert.Equal(0, first.Counts.DuplicatesSkipped);
        var stats = await store.GetStatsAsync(5, TestContext.Current.CancellationToken);
        var higgs = Assert.Single(stats.ByNetwork);
        Assert.Equal("higgs", higgs.Network);
        Assert.Equal(304_691, higgs.Accounts);
        Assert.Equal(563_069, higgs.Interactions);
        Assert.Equal(354_930, higgs.InteractionsByKind["repost"]);
        Assert.Equal(171_237, higgs.InteractionsByKind["mention"]);
        Assert.Equal(36_902, higgs.InteractionsByKind["reply"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1341100972), higgs.FirstInteraction);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1341705593), higgs.LastInteraction);
        Assert.Equal(1, stats.ImportRuns);

        var second = await service.RunAsync([Sources.File(path, "higgs-activity")], new ImportOptions("higgs-activity"), ct: TestContext.Current.CancellationToken);

        Assert.Equal(0, second.Counts.InteractionsAdded);
        Assert.Equal(0, second.Counts.AccountsAdded);
        Assert.Equal(563_069, second.Counts.InteractionsDuplicate);
        var after = await store.GetStatsAsync(5, TestContext.Current.CancellationToken);
        Assert.Equal(563_069, after.Interactions);
        Assert.Equal(2, after.ImportRuns);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stats_HiggsRetweets_TopAccountMatchesDirectCountFromFile(string provider)
    {
        var path = SharedData.File(Activity);
        var expected = System.IO.File.ReadLines(path)
            .Select(l => l.Split(' '))
            .GroupBy(f => f[1])
            .Select(g => (Id: g.Key, Count: g.Count(), Distinct: g.Select(f => f[0]).Distinct().Count()))
            .OrderByDescending(x => x.Count)
            .First();
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;

        await new ImportService(store).RunAsync([Sources.File(path, "higgs-activity")], new ImportOptions("higgs-activity"), ct: TestContext.Current.CancellationToken);
        var stats = await store.GetStatsAsync(3, TestContext.Current.CancellationToken);

        Assert.Equal(3, stats.TopAccounts.Count);
        Assert.Equal(expected.Id, stats.TopAccounts[0].ExternalId);
        Assert.Equal(expected.Count, stats.TopAccounts[0].InteractionsReceived);
        Assert.Equal(expected.Distinct, stats.TopAccounts[0].DistinctActors);
        Assert.True(stats.TopAccounts[0].InteractionsReceived >= stats.TopAccounts[1].InteractionsReceived);
    }
}
