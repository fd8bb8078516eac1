using Resonance.Application.Importing;
using Resonance.Application.Scoring;
using Resonance.Application.Synthetic;
using Resonance.Application.Topics;

namespace Resonance.Storage.Tests.Topics;

/// <summary>Topic scores and evidence saved with a run, on both providers, on a generated community (400 people): read
/// back exactly as computed, and unchanged after more data is imported into the run's window, while recomputing from
/// the store gives another answer.</summary>
public sealed class TopicRunStorageTests
{
    /// <summary>Imports the generated community of 400 people with <paramref name="seed"/> (network "synthetic").</summary>
    internal static Task ImportAsync(RelationalResonanceStore store, ulong seed)
    {
        var data = SyntheticNetworkGenerator.Generate(new SyntheticOptions { People = 400, Seed = seed });
        return new ImportService(store).RunAsync([new ImportSource($"synthetic-{seed}", data.Records, () => 0, 0)], new ImportOptions("synthetic"),
            ct: TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StoredTopics_ReadBackAsComputed_AndSurviveNewImportsUnchanged(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        await ImportAsync(store, 21);
        var scoring = new ScoringService(store);
        var run = (await store.GetRunAsync((await scoring.RunAsync(new ScoreRequest(ScoringAlgorithms.Default, Seed: 3), ct: ct)).Id, ct))!;
        var bare = (await store.GetRunAsync((await scoring.RunAsync(new ScoreRequest(ScoringAlgorithms.Default, Seed: 3, Topics: false), ct: ct)).Id, ct))!;
        var stored = new TopicService(store, TopicTaxonomy.BuiltIn, store);
        var recomputed = new TopicService(store, TopicTaxonomy.BuiltIn);

        Assert.Equal(TopicParameters.For(TopicTaxonomy.BuiltIn), run.Parameters.Topics);
        Assert.True(stored.IsStored(run));
        Assert.Null(stored.Note(run));
        Assert.Equal(await store.AllScoresAsync(run.Id, ct), await store.AllScoresAsync(bare.Id, ct));
        Assert.False(stored.IsStored(bare));
        Assert.Contains($"Run {bare.Id} stores no topic scores", stored.Note(bare), StringComparison.Ordinal);

        // The busiest topic's ranking, its leader's topics and its leader's explanation: stored exactly as computed now.
        var topic = await BusiestTopicAsync(store, run.Id, ct);
        var before = await ReadAsync(stored, run, topic, ct);
        var now = await ReadAsync(recomputed, run, topic, ct);
        Assert.True(before.Ranking.Count >= 20, $"'{topic}' ranks {before.Ranking.Count} accounts");
        Assert.Equal(now.Ranking, before.Ranking);
        Assert.Equal(Describe(now.Topics), Describe(before.Topics));
        Assert.All(before.Topics.Where(t => t.Topic.Engagers > 0), t => Assert.NotNull(t.Score));
        Assert.Equal(Relevant(now.Explanation, before.Leader), Relevant(before.Explanation, before.Leader));
        Assert.NotEmpty(before.Explanation.Evidence!.TopPosts);

        // More engagement in the run's window: the run's stored topics stay as they were; recomputing moves.
        await ImportAsync(store, 22);
        var after = await ReadAsync(stored, run, topic, ct);
        var later = await ReadAsync(recomputed, run, topic, ct);

        Assert.Equal(before.Ranking, after.Ranking);
        Assert.Equal(Describe(before.Topics), Describe(after.Topics));
        Assert.Equal(Relevant(before.Explanation, before.Leader), Relevant(after.Explanation, before.Leader));
        Assert.NotEqual(before.Ranking, later.Ranking);
    }

    private static async Task<string> BusiestTopicAsync(RelationalResonanceStore store, long runId, CancellationToken ct)
    {
        var counts = new List<(string Topic, int Count)>();
        foreach (var t in TopicTaxonomy.BuiltIn.Topics)
        {
            counts.Add((t.Name, (await store.TopicScoresAsync(runId, t.Name, ct)).Count));
        }
        return counts.OrderByDescending(c => c.Count).ThenBy(c => c.Topic, StringComparer.Ordinal).First().Topic;
    }

    private static async Task<(IReadOnlyList<AccountScore> Ranking, long Leader, IReadOnlyList<AccountTopicScore> Topics, TopicExplanation Explanation)> ReadAsync(
        TopicService service, ScoreRunInfo run, string topic, CancellationToken ct)
    {
        var (_, ranking) = await service.RankAsync(run, topic, ct);
        var leader = ranking[0].AccountId;
        var topics = await service.AccountAsync(run, leader, scored: int.MaxValue, ct: ct);
        return (ranking, leader, topics, await service.ExplainAsync(run, leader, topic, ct));
    }

    /// <summary>Topics with their evidence (lists as text, so records compare by value) and scores.</summary>
    private static List<string> Describe(IReadOnlyList<AccountTopicScore> topics) =>
        [.. topics.Select(t => $"{t.Topic.Topic} {t.Topic.Posts} {t.Topic.Engagements:R} {t.Topic.Engagers} [{string.Join("|", t.Topic.Terms)}] " +
            $"[{string.Join("|", t.Topic.TopPosts.Select(p => $"{p.PostId}:{p.Engagements:R}"))}] {t.Score} {t.Ranked}")];

    /// <summary>What an explanation of <paramref name="account"/> reads: its score, the ranked count, the contributions to
    /// and from it and its evidence, as text (doubles print round-trippably).</summary>
    private static List<string> Relevant(TopicExplanation e, long account) =>
        [$"{e.Draft.Scores.FirstOrDefault(s => s.AccountId == account)} of {e.Draft.Scores.Count}",
            .. e.Draft.Contributions.Where(c => c.AccountId == account || c.EngagerId == account).OrderBy(c => c.AccountId).ThenBy(c => c.EngagerId).Select(c => c.ToString()),
            e.Evidence is { } ev ? Describe([new AccountTopicScore(ev, null, 0)])[0] : ""];
}
