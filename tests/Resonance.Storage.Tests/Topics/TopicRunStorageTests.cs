using Resonance.Application.Importing;
using Resonance.Application.Scoring;
using Resonance.Application.Synthetic;
using Resonance.Application.Topics;
using Resonance.Domain;

namespace Resonance.Storage.Tests.Topics;

/// <summary>Topic scores and evidence counts saved with a run, on both providers, on a generated community (400 people):
/// read back exactly as computed, the evidence and explanations derived on read equal to recomputing the whole window,
/// and after more data is imported into the run's window the stored scores stay while the derived explanation is refused
/// rather than changed.</summary>
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

        Assert.Equal(TopicParameters.For(TopicTaxonomy.BuiltIn, method: TopicParameters.MethodFor(run.Parameters)), run.Parameters.Topics);
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
        Assert.Equal(Describe(now.Topics.Topics), Describe(before.Topics.Topics));
        Assert.Null(before.Topics.Note);
        Assert.All(before.Topics.Topics.Where(t => t.Topic.Engagers > 0), t => Assert.NotNull(t.Score));
        Assert.NotNull(before.Explanation?.Evidence);
        Assert.Equal(Relevant(now.Explanation!, before.Leader), Relevant(before.Explanation, before.Leader));
        Assert.NotEmpty(before.Explanation.Evidence.TopPosts);
        Assert.Contains(before.Explanation.Draft.Contributions, c => c.EngagerId == before.Leader); // whom the leader lifted, too

        // More engagement in the run's window (another seed of the generator on the same account ids), none of it on the
        // leader's posts but some to the leader (follows, mentions): the run's scores stay, and so do the leader's topics
        // and their evidence, but its topic explanation would now split each engager's contribution by another engagement
        // count, so it is refused; recomputing the whole window moves.
        await ImportAsync(store, 22);
        var after = await ReadAsync(stored, run, topic, ct);
        var later = await ReadAsync(recomputed, run, topic, ct);

        Assert.Equal(before.Ranking, after.Ranking);
        Assert.Equal(Describe(before.Topics.Topics), Describe(after.Topics.Topics));
        Assert.Null(after.Topics.Note);
        Assert.Null(after.Explanation);
        Assert.Contains("now adds up to a raw score of", after.Refusal, StringComparison.Ordinal);
        Assert.NotEqual(before.Ranking, later.Ranking);

        // Two late likes on the leader's most engaged post about the topic, inside the window: the run's scores and counts
        // stay, and the evidence and explanation that would now differ are refused rather than shown.
        var leader = (await store.DescribeAccountsAsync([before.Leader], ct))[before.Leader];
        var likers = (await store.DescribeAccountsAsync([.. before.Ranking.Skip(1).Take(2).Select(s => s.AccountId)], ct)).Values.ToList();
        var at = DateTimeOffset.FromUnixTimeMilliseconds(run.Parameters.AsOfMs).AddHours(-1);
        var post = before.Explanation.Evidence.TopPosts[0].PostId;
        await new ImportService(store).RunAsync([new ImportSource("late", [.. likers.Select((l, i) => SourceRecord.Of(i + 1,
            new Interaction(leader.Network, at.AddSeconds(i), l.ExternalId, leader.ExternalId, InteractionKind.Like, post)))], () => 0, 0)],
            new ImportOptions("late"), ct: ct);
        var changed = await ReadAsync(stored, run, topic, ct);

        Assert.Equal(before.Ranking, changed.Ranking);
        Assert.Contains($"the data in run {run.Id}'s window changed since the run", changed.Topics.Note, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Counts(before.Topics.Topics), Counts(changed.Topics.Topics));
        Assert.All(changed.Topics.Topics, t => Assert.Empty(t.Topic.Terms));
        Assert.Null(changed.Explanation);
        Assert.Contains($"so the explanation of {topic} would not be the run's", changed.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExplanationsDerivedOnRead_AddUpToTheStoredTopicRawScore(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        await ImportAsync(store, 23);
        var run = (await store.GetRunAsync((await new ScoringService(store).RunAsync(new ScoreRequest(ScoringAlgorithms.Default, Seed: 5), ct: ct)).Id, ct))!;
        var service = new TopicService(store, TopicTaxonomy.BuiltIn, store);

        var checkedLines = 0;
        foreach (var topic in TopicTaxonomy.BuiltIn.Topics.Select(t => t.Name))
        {
            var ranking = await store.TopicScoresAsync(run.Id, topic, ct);
            // The leaders, and a few from the tail (fewer engagers, more rounding at stake relative to the score).
            foreach (var s in ranking.Take(3).Concat(ranking.TakeLast(2)).DistinctBy(s => s.AccountId))
            {
                var e = await service.ExplainAsync(run, s.AccountId, topic, ct);
                var to = e.Draft.Contributions.Where(c => c.AccountId == s.AccountId).ToList();
                Assert.NotEmpty(to);
                Assert.True(Math.Abs(to.Sum(c => c.Total) - s.Raw) <= 1e-9 * Math.Max(1, s.Raw), $"{topic}: {to.Sum(c => c.Total):R} against stored {s.Raw:R}");
                Assert.All(to, c => Assert.True(c.Total > 0));
                checkedLines += to.Count;
            }
        }

        Assert.True(checkedLines > 200, $"{checkedLines} lines checked");
    }

    private static List<string> Counts(IEnumerable<AccountTopicScore> topics) =>
        [.. topics.Select(t => $"{t.Topic.Topic} {t.Topic.Posts} {t.Topic.Engagements:R} {t.Topic.Engagers} {t.Score}").Order(StringComparer.Ordinal)];

    private static async Task<string> BusiestTopicAsync(RelationalResonanceStore store, long runId, CancellationToken ct)
    {
        var counts = new List<(string Topic, int Count)>();
        foreach (var t in TopicTaxonomy.BuiltIn.Topics)
        {
            counts.Add((t.Name, (await store.TopicScoresAsync(runId, t.Name, ct)).Count));
        }
        return counts.OrderByDescending(c => c.Count).ThenBy(c => c.Topic, StringComparer.Ordinal).First().Topic;
    }

    private static async Task<Read> ReadAsync(TopicService service, ScoreRunInfo run, string topic, CancellationToken ct)
    {
        var (_, ranking) = await service.RankAsync(run, topic, ct);
        var leader = ranking[0].AccountId;
        var topics = await service.AccountAsync(run, leader, scored: int.MaxValue, ct: ct);
        try
        {
            return new Read(ranking, leader, topics, await service.ExplainAsync(run, leader, topic, ct), null);
        }
        catch (InvalidOperationException e)
        {
            return new Read(ranking, leader, topics, null, e.Message);
        }
    }

    private sealed record Read(IReadOnlyList<AccountScore> Ranking, long Leader, (IReadOnlyList<AccountTopicScore> Topics, string? Note) Topics,
        TopicExplanation? Explanation, string? Refusal);

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
