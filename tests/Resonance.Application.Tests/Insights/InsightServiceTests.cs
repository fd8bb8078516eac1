using Resonance.Application.Insights;
using Resonance.Application.Integrity;
using Resonance.Application.Scoring;
using Resonance.Application.Synthetic;
using Resonance.Application.Tests.Scoring;
using Resonance.Application.Tests.Topics;
using Resonance.Application.Topics;

namespace Resonance.Application.Tests.Insights;

/// <summary>What profiles show beside the score: audience quality as the audit computes it, topics with evidence, and
/// hidden topics removed, on a generated community.</summary>
public sealed class InsightServiceTests
{
    private static readonly Lazy<(TopicCorpus Corpus, Dictionary<string, long> Ids, ScoreRunInfo Run, PostTexts Texts)> Community = new(() =>
    {
        var records = SyntheticNetworkGenerator.Generate(new SyntheticOptions { People = 400, Seed = 7 }).Records.ToList();
        var (corpus, ids) = TopicCorpora.FromRecords(records);
        var asOf = corpus.Input.TimesMs.Where(t => t != ScoringInput.Untimed).Max();
        var p = ScoringAlgorithms.Defaults(ScoringAlgorithms.Default, asOf);
        var run = new ScoreRunInfo
        {
            Id = 1, Algorithm = ScoringAlgorithms.Default, Parameters = p, WatermarkInteractions = corpus.Input.InteractionCount, CodeRevision = "test",
            StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch, Timings = [], CalibrationQuantiles = [], AmplificationPriorRate = 0,
            AccountsScored = 0, Pairs = 0, PageRankIterations = 0,
        };
        var posts = records.Where(r => r.Post is not null).Select(r => r.Post!).ToList();
        static bool Original(Domain.Post p) => p.ReplyToPostId is null && p.QuoteOfPostId is null && p.RepostOfPostId is null;
        var texts = new PostTexts([.. posts.Select(q => ids[q.AuthorId])], [.. posts.Select(q => q.CreatedAt.ToUnixTimeMilliseconds())],
            [.. posts.Select(q => Original(q) ? q.Text : null)], [.. posts.Select(Original)]);
        return (corpus, ids, run, texts);
    });

    [Fact]
    public async Task AudienceQuality_IsTheAuditsAndTopicsCarryTheirEvidence_TheSameOnEveryComputation()
    {
        var (corpus, accounts, run, texts) = Community.Value;
        // The server passes its score store, from which the model reads the window's post texts as the audit does.
        var store = new MemoryScoreStore(corpus.Input.WithTexts(texts));
        var first = await RunInsights.ComputeAsync(new Corpus(corpus), TopicTaxonomy.BuiltIn, run, store, ct: TestContext.Current.CancellationToken);
        var second = await RunInsights.ComputeAsync(new Corpus(corpus), TopicTaxonomy.BuiltIn, run, store, ct: TestContext.Current.CancellationToken);
        var audited = accounts.Values.Order().Where(id => first.AudienceOf(id) is not null).Take(30).ToList();
        var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 2), run.Parameters.AsOfMs) with { WindowDays = run.Parameters.WindowDays };

        Assert.Equal(30, audited.Count);
        foreach (var id in audited)
        {
            var audit = AccountAudit.Run(await store.LoadWindowAsync(p, TestContext.Current.CancellationToken), p, id)!;
            Assert.Equal(audit.Audience, first.AudienceOf(id));
            Assert.Equal(first.AudienceOf(id), second.AudienceOf(id));
            Assert.Equal((await first.TopicsOfAsync(id, TestContext.Current.CancellationToken)).Topics.Select(t => (t.Topic, t.Posts, t.Engagements, t.Engagers)),
                (await second.TopicsOfAsync(id, TestContext.Current.CancellationToken)).Topics.Select(t => (t.Topic, t.Posts, t.Engagements, t.Engagers)));
        }
        var topicsOf = new Dictionary<long, IReadOnlyList<AccountTopic>>();
        foreach (var id in audited)
        {
            topicsOf[id] = (await first.TopicsOfAsync(id, TestContext.Current.CancellationToken)).Topics;
        }
        var withTopics = audited.Where(id => topicsOf[id].Count > 0).ToList();
        Assert.NotEmpty(withTopics);
        Assert.All(withTopics.SelectMany(id => topicsOf[id]), t =>
        {
            Assert.True(t.Posts > 0);
            Assert.NotEmpty(t.Terms);
            Assert.InRange(t.TopPosts.Count, 1, 3);
        });
    }

    [Fact]
    public async Task A_hidden_topic_is_left_out_for_its_account_only_and_hiding_an_absent_topic_is_refused()
    {
        var (corpus, accounts, run, _) = Community.Value;
        var insights = await RunInsights.ComputeAsync(new Corpus(corpus), TopicTaxonomy.BuiltIn, run, ct: TestContext.Current.CancellationToken);
        var source = new Source(insights);
        var preferences = new Preferences();
        var service = new InsightService(source, preferences);
        var ids = new List<long>();
        foreach (var id in accounts.Values.Order())
        {
            if (ids.Count < 2 && (await insights.TopicsOfAsync(id, TestContext.Current.CancellationToken)).Topics.Count >= 2)
            {
                ids.Add(id);
            }
        }
        var (a, b) = (Ref(ids[0]), Ref(ids[1]));
        var topicsOfA = (await insights.TopicsOfAsync(a.Id, TestContext.Current.CancellationToken)).Topics;
        var topic = topicsOfA[0].Topic;
        var sharedByB = (await insights.TopicsOfAsync(b.Id, TestContext.Current.CancellationToken)).Topics.Any(t => t.Topic == topic);

        await service.HideAsync("holder", a, topic, TestContext.Current.CancellationToken);
        var shownA = await service.ForAsync(a, TestContext.Current.CancellationToken);
        var shownB = await service.ForAsync(b, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(shownA!.Topics, t => t.Topic == topic);
        Assert.Equal(topicsOfA.Count - 1, shownA.Topics.Count);
        Assert.Equal(sharedByB, shownB!.Topics.Any(t => t.Topic == topic));
        Assert.Equal(topicsOfA[0].Terms, preferences.Terms[(a.Id, topic)]); // the terms behind it are kept
        await Assert.ThrowsAsync<ArgumentException>(() => service.HideAsync("holder", a, "no-such-topic", TestContext.Current.CancellationToken));
    }

    private static AccountRef Ref(long id) => new(id, "synthetic", id.ToString(System.Globalization.CultureInfo.InvariantCulture), null);

    private sealed class Corpus(TopicCorpus corpus) : ITopicStore
    {
        public Task<TopicCorpus> LoadTopicCorpusAsync(string? network, long fromMs, long toMs, CancellationToken ct = default, bool onPostsOnly = false,
            TopicTaxonomy? storedWith = null) =>
            Task.FromResult(corpus);

        public Task<TopicCorpus> LoadAccountTopicCorpusAsync(string? network, long fromMs, long toMs, long accountId, CancellationToken ct = default,
            TopicTaxonomy? storedWith = null) =>
            Task.FromResult(corpus);

        public Task<ScoringInput> LoadScoringInputWithPostKeysAsync(string? network, long fromMs, long toMs, CancellationToken ct = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<TopicPost>> LoadTopicPostsAsync(string? network, long toMs, TopicTaxonomy? storedWith, CancellationToken ct = default) =>
            Task.FromResult(corpus.Posts);
    }

    private sealed class Source(RunInsights insights) : IRunInsightsSource
    {
        public Task<RunInsights?> LatestAsync(string network, CancellationToken ct = default) => Task.FromResult<RunInsights?>(insights);
    }

    private sealed class Preferences : ITopicPreferences
    {
        public Dictionary<(long, string), IReadOnlyList<string>> Terms { get; } = [];

        public Task<IReadOnlyDictionary<long, IReadOnlySet<string>>> HiddenTopicsAsync(IReadOnlyCollection<long> accountIds, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyDictionary<long, IReadOnlySet<string>>>(Terms.Keys.Where(k => accountIds.Contains(k.Item1)).GroupBy(k => k.Item1)
                .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(k => k.Item2).ToHashSet()));

        public Task<IReadOnlyList<TopicRejection>> RejectionsAsync(long accountId, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<TopicRejection>>([.. Terms.Where(kv => kv.Key.Item1 == accountId).Select(kv => new TopicRejection(accountId, kv.Key.Item2, kv.Value, DateTimeOffset.UnixEpoch))]);

        public Task HideTopicAsync(string userId, long accountId, string topic, IReadOnlyList<string> terms, CancellationToken ct = default)
        {
            Terms[(accountId, topic)] = terms;
            return Task.CompletedTask;
        }

        public Task<bool> ShowTopicAsync(string userId, long accountId, string topic, CancellationToken ct = default) => Task.FromResult(Terms.Remove((accountId, topic)));

        public Task<IReadOnlyList<TopicRejectionSummary>> RejectionSummaryAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<TopicRejectionSummary>>([]);
    }
}
