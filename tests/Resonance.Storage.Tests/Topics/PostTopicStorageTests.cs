using System.Globalization;
using Resonance.Application.Importing;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;
using Resonance.Ingest;
using Resonance.Tests.Shared;

namespace Resonance.Storage.Tests.Topics;

/// <summary>Posts' topics extracted at import and stored with them (docs/topics.md, "Stored extraction"), on both providers:
/// a run reading them scores every topic bit for bit as one extracting every post's text, on the real samples and on a
/// generated community; a taxonomy change makes them stale, and the next run extracts and stores them again.</summary>
public sealed class PostTopicStorageTests
{
    /// <summary>The real samples with posts (shared/data), one network each, read through the real readers.</summary>
    private static readonly (string Format, string Path)[] Samples =
    [
        ("twitter-archive", "twitter-archive-sample/"),
        ("twitter-api-v2", "twitter-api-samples/v2-twarc/brexit.jsonl"),
        ("mastodon", "mastodon-api-samples/rtoot/get_timeline_hashtag_anonymous.1.json"),
        ("bluesky", "bluesky-atproto-samples/repo-car/bnewbold.robocracy.org.20250310005405.car"),
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RealSamples_StoredTopics_ScoreBitForBitAsTextExtraction(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        await new ImportService(store).RunAsync([.. Samples.Select(s => Sample(s.Format, s.Path))], new ImportOptions("samples"), ct: ct);

        Assert.Equal(0, await store.CountStalePostTopicsAsync(PostTopicCodec.Fingerprint(TopicTaxonomy.BuiltIn), ct));
        var postsWithTopics = 0;
        var ranked = 0;
        foreach (var network in new[] { "twitter", "mastodon", "bluesky" })
        {
            var (stored, text) = await BothCorporaAsync(store, network, ct);
            postsWithTopics += SameIndex(stored, text);
            ranked += await SameTopicStepAsync(store, network, stored, text, ct);
            var options = new CandidateOptions(MinPosts: 2, MinAuthors: 1);
            Assert.Equal(Describe(TopicCandidates.Find(text.Posts, new TopicExtractor(TopicTaxonomy.BuiltIn), options)),
                Describe(TopicCandidates.Find(stored.Posts, new TopicExtractor(TopicTaxonomy.BuiltIn), options)));
        }

        Assert.True(postsWithTopics >= 50, $"{postsWithTopics} sample posts have topics");
        Assert.True(ranked > 0, "some topic has a ranking on the samples");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GeneratedCommunity_StoredTopics_ScoreBitForBitAsTextExtraction(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        await TopicRunStorageTests.ImportAsync(store, 21);

        var (stored, text) = await BothCorporaAsync(store, "synthetic", ct);

        Assert.True(SameIndex(stored, text) >= 500);
        Assert.True(await SameTopicStepAsync(store, "synthetic", stored, text, ct) >= 5);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TaxonomyChange_ReextractsStalePosts_OnceAndStoresThem(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        await TopicRunStorageTests.ImportAsync(store, 21);
        var posts = await db.ScalarAsync("SELECT COUNT(*) FROM posts");
        var extended = Path.Combine(Path.GetTempPath(), $"resonance-taxonomy-{Guid.NewGuid():N}.tsv");
        // "Cast iron" is in the generator's cooking texts: a narrower topic under cooking.
        await File.WriteAllTextAsync(extended, "cast-iron\tcooking\tcast iron\n", ct);
        try
        {
            var builtIn = PostTopicCodec.Fingerprint(TopicTaxonomy.BuiltIn);
            var operators = PostTopicCodec.Fingerprint(TopicTaxonomy.Load([extended]));
            Assert.NotEqual(builtIn, operators);
            Assert.Equal(0, await store.CountStalePostTopicsAsync(builtIn, ct));
            Assert.Equal(posts, await store.CountStalePostTopicsAsync(operators, ct));

            // The taxonomy changed: the run extracts every post again (phase "extract"), stores it, and scores the new topic.
            var scoring = new ScoringService(store);
            var first = await scoring.RunAsync(new ScoreRequest(ScoringAlgorithms.Default, Seed: 3, TaxonomyFiles: [extended]), ct: ct);
            Assert.Contains(first.Timings, t => t.Key == "extract");
            Assert.Equal(0, await store.CountStalePostTopicsAsync(operators, ct));
            Assert.Equal(posts, await store.CountStalePostTopicsAsync(builtIn, ct));
            Assert.NotEmpty(await store.TopicScoresAsync(first.Id, "cast-iron", ct));

            // Unchanged: the next run reads the stored topics (no extraction, no text read) and gives the same topic scores.
            var second = await scoring.RunAsync(new ScoreRequest(ScoringAlgorithms.Default, Seed: 3, TaxonomyFiles: [extended]), ct: ct);
            Assert.DoesNotContain(second.Timings, t => t.Key == "extract");
            var corpus = await store.LoadTopicCorpusAsync("synthetic", 0, long.MaxValue, ct, storedWith: TopicTaxonomy.Load([extended]));
            Assert.All(corpus.Posts, p => Assert.True(p.Stored is not null && p.Text is null, $"post {p.ExternalId} read from its text"));
            Assert.Equal(await store.TopicScoresAsync(first.Id, "cast-iron", ct), await store.TopicScoresAsync(second.Id, "cast-iron", ct));

            // Back to the built-in taxonomy: stale again, extracted again; the operator's topic is gone.
            var third = await scoring.RunAsync(new ScoreRequest(ScoringAlgorithms.Default, Seed: 3), ct: ct);
            Assert.Contains(third.Timings, t => t.Key == "extract");
            Assert.Empty(await store.TopicScoresAsync(third.Id, "cast-iron", ct));
            Assert.Equal(0, await store.CountStalePostTopicsAsync(builtIn, ct));

            // A database from before topics were stored (NULL): every post is stale, and one extraction fills them all.
            await ExecuteAsync(db, "UPDATE posts SET topics = NULL, topics_taxonomy = NULL");
            Assert.Equal(posts, await store.CountStalePostTopicsAsync(builtIn, ct));
            Assert.Equal(posts, await store.ExtractPostTopicsAsync(new TopicExtractor(TopicTaxonomy.BuiltIn), ct: ct));
            Assert.Equal(0, await store.ExtractPostTopicsAsync(new TopicExtractor(TopicTaxonomy.BuiltIn), ct: ct));
            Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM posts WHERE topics IS NULL"));
        }
        finally
        {
            File.Delete(extended);
        }
    }

    private static async Task ExecuteAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The whole store as a corpus read with the stored topics, and read with every post's text.</summary>
    private static async Task<(TopicCorpus Stored, TopicCorpus Text)> BothCorporaAsync(RelationalResonanceStore store, string network, CancellationToken ct)
    {
        var stored = await store.LoadTopicCorpusAsync(network, 0, long.MaxValue, ct, onPostsOnly: true, storedWith: TopicTaxonomy.BuiltIn);
        var text = await store.LoadTopicCorpusAsync(network, 0, long.MaxValue, ct, onPostsOnly: true);
        Assert.NotEmpty(stored.Posts);
        Assert.All(stored.Posts, p => Assert.True(p.Stored is not null && p.Text is null, $"post {p.ExternalId} read from its text"));
        Assert.All(text.Posts, p => Assert.Null(p.Stored));
        Assert.Equal(text.Posts.Select(p => p.ExternalId), stored.Posts.Select(p => p.ExternalId));
        return (stored, text);
    }

    /// <summary>Asserts that both corpora index every post alike (topics and evidence); returns the posts with topics.</summary>
    private static int SameIndex(TopicCorpus stored, TopicCorpus text)
    {
        var extractor = new TopicExtractor(TopicTaxonomy.BuiltIn);
        var fromStored = new PostTopicIndex(stored.Posts, extractor);
        var fromText = new PostTopicIndex(text.Posts, extractor);
        var withTopics = 0;
        foreach (var post in text.Posts)
        {
            var topics = fromText.TopicsOf(post.ExternalId);
            Assert.Equal(topics, fromStored.TopicsOf(post.ExternalId));
            foreach (var t in topics)
            {
                Assert.Equal(fromText.EvidenceFor(post.ExternalId, t), fromStored.EvidenceFor(post.ExternalId, t));
            }

            withTopics += topics.Count > 0 ? 1 : 0;
        }

        return withTopics;
    }

    /// <summary>Asserts that the run's topic step gives the same rankings, contributions and evidence, bit for bit, from
    /// both corpora; returns the number of topics ranked.</summary>
    private static async Task<int> SameTopicStepAsync(RelationalResonanceStore store, string network, TopicCorpus stored, TopicCorpus text,
        CancellationToken ct)
    {
        var p = await new ScoringService(store).ResolveAsync(new ScoreRequest(ScoringAlgorithms.Default, WindowDays: 36_500, Network: network, Seed: 5), ct);
        var main = ScoringPipeline.Score(await store.LoadWindowAsync(p, ct), p, ct: ct);
        var a = RunTopicScoring.Score(TopicParameters.ShareMethod, stored, TopicTaxonomy.BuiltIn, main, ct: ct);
        var b = RunTopicScoring.Score(TopicParameters.ShareMethod, text, TopicTaxonomy.BuiltIn, main, ct: ct);
        Assert.Equal(b.Rankings.Select(r => r.Topic), a.Rankings.Select(r => r.Topic));
        foreach (var (x, y) in b.Rankings.Zip(a.Rankings))
        {
            Assert.Equal(x.Scores.Select(Bits), y.Scores.Select(Bits));
            Assert.Equal(x.Contributions.Select(c => $"{c.AccountId} {c.EngagerId} {Bits(c.Reach)} {Bits(c.Amplification)} {Bits(c.Impact)}"),
                y.Contributions.Select(c => $"{c.AccountId} {c.EngagerId} {Bits(c.Reach)} {Bits(c.Amplification)} {Bits(c.Impact)}"));
        }

        Assert.Equal(b.Evidence.Select(Describe), a.Evidence.Select(Describe));
        return a.Rankings.Count;
    }

    private static string Bits(double x) => BitConverter.DoubleToInt64Bits(x).ToString(CultureInfo.InvariantCulture);

    private static string Bits(AccountScore s) =>
        $"{s.AccountId} {s.Rank} {Bits(s.Score)} {Bits(s.Low)} {Bits(s.High)} {Bits(s.Raw)} {Bits(s.Base)} {Bits(s.Reach)} {Bits(s.Amplification)} {Bits(s.Impact)}";

    private static string Describe(AccountTopicRow r) =>
        $"{r.AccountId} {r.Position} {r.Topic.Topic} {r.Topic.Posts} {Bits(r.Topic.Engagements)} {r.Topic.Engagers} {string.Join(',', r.Topic.Terms)} "
        + string.Join(',', r.Topic.TopPosts.Select(t => $"{t.PostId}:{Bits(t.Engagements)}"));

    private static IEnumerable<string> Describe(IReadOnlyList<TopicCandidate> candidates) =>
        candidates.Select(c => $"{c.Tag} {c.Posts} {c.Authors} {string.Join(',', c.ExamplePostIds)} {string.Join(',', c.CoTopics)}");

    private static ImportSource Sample(string format, string relativePath)
    {
        var reader = RecordReaders.Get(format);
        if (reader is IPathRecordReader pathReader)
        {
            var path = relativePath.EndsWith('/') ? Path.GetDirectoryName(SharedData.File(relativePath + "SOURCE.md"))! : SharedData.File(relativePath);
            return new ImportSource(path, pathReader.ReadPath(path, new ReaderOptions(), new ReadProgress()), () => 0, 0);
        }

        return Sources.File(SharedData.File(relativePath), format);
    }
}
