using Resonance.Application.Communities;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;

namespace Resonance.Storage.Tests.Topics;

/// <summary>Community labels read the topics stored with the run, on both providers: the labels recomputed from the
/// window's posts on the same data, and the same answer after more data is imported into the run's window, while labels
/// recomputed from the store move.</summary>
public sealed class StoredCommunityLabelTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Labels_ReadTheRunsStoredTopics_AndStayWhenMoreDataArrives(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        await TopicRunStorageTests.ImportAsync(store, 21);
        var run = (await store.GetRunAsync((await new ScoringService(store).RunAsync(new ScoreRequest(ScoringAlgorithms.Default, Seed: 3), ct: ct)).Id, ct))!;
        var fromRun = new CommunityService(store, store, store, TopicTaxonomy.BuiltIn, store);
        var fromData = new CommunityService(store, store, store, TopicTaxonomy.BuiltIn);

        // The bulk read is every account's scored topics with the engagement stored beside the score, by account then topic,
        // and that engagement is the one the account's evidence has on the same data.
        var rows = await store.TopicEngagementsAsync(run.Id, ct);
        var accounts = rows.Select(r => r.AccountId).Distinct().ToList();
        Assert.True(accounts.Count >= 50, $"{accounts.Count} accounts with topics");
        Assert.Equal(accounts.Order(), accounts);
        var topics = new TopicService(store, TopicTaxonomy.BuiltIn, store);
        foreach (var id in accounts.Take(25))
        {
            var (evidence, note) = await topics.AccountAsync(run, id, ct: ct);
            Assert.Null(note);
            Assert.Equal(evidence.Where(t => t.Score is not null).Select(t => (t.Topic.Topic, t.Topic.Engagements)).OrderBy(t => t.Topic, StringComparer.Ordinal),
                rows.Where(r => r.AccountId == id).Select(r => (r.Topic, r.Engagements)));
        }

        var before = Describe(await fromRun.TopTopicsAsync(run, ct));
        var recomputedBefore = Describe(await fromData.TopTopicsAsync(run, ct));
        // On the data of the moment, labels from the run and labels recomputed per post agree.
        output.WriteLine(string.Join("\n", before.Select(kv => $"{kv.Key}: {kv.Value} | {recomputedBefore.GetValueOrDefault(kv.Key)}")));
        Assert.NotEmpty(before);
        Assert.Equal(recomputedBefore, before);

        await TopicRunStorageTests.ImportAsync(store, 22);
        Assert.Equal(before, Describe(await fromRun.TopTopicsAsync(run, ct)));
        Assert.NotEqual(recomputedBefore, Describe(await fromData.TopTopicsAsync(run, ct)));
    }

    private static SortedDictionary<int, string> Describe(IReadOnlyDictionary<int, IReadOnlyList<string>> labels) =>
        new(labels.ToDictionary(kv => kv.Key, kv => string.Join(",", kv.Value)));
}
