using Resonance.Application.Importing;

namespace Resonance.Storage.Tests.Topics;

/// <summary>The topic corpus read back from the store: each interaction's post, and posts with text, hashtags and reposts.</summary>
public sealed class TopicCorpusStorageTests
{
    private const string Jsonl = """
        {"type":"account","network":"mastodon","id":"1"}
        {"type":"account","network":"mastodon","id":"2"}
        {"type":"post","network":"mastodon","id":"old","author":"1","created":"2024-03-01T00:00:00Z","text":"Sourdough again","hashtags":["baking"]}
        {"type":"post","network":"mastodon","id":"p1","author":"1","created":"2024-05-01T12:00:00Z","text":"Hello #Fediverse"}
        {"type":"post","network":"mastodon","id":"r1","author":"2","created":"2024-05-01T12:03:00Z","repost_of":"p1"}
        {"type":"post","network":"mastodon","id":"late","author":"2","created":"2024-06-01T00:00:00Z","text":"after the window"}
        {"type":"interaction","network":"mastodon","time":"2024-05-01T12:03:00Z","actor":"2","target":"1","kind":"repost","post":"p1"}
        {"type":"interaction","network":"mastodon","time":"2024-05-01T12:04:00Z","actor":"2","target":"1","kind":"like","post":"old"}
        {"type":"interaction","network":"mastodon","time":"2024-05-01T12:05:00Z","actor":"2","target":"1","kind":"follow"}
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoadTopicCorpus_GivesEachInteractionItsPost_AndEveryPostUpToTheEnd_AsTheKeyedLoadAndPostsReadDo(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        await new ImportService(store).RunAsync([Sources.Text("a.jsonl", Jsonl, "jsonl")], new ImportOptions("jsonl"), ct: ct);
        var from = DateTimeOffset.Parse("2024-05-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var to = DateTimeOffset.Parse("2024-05-31T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

        var corpus = await store.LoadTopicCorpusAsync("mastodon", from, to, ct);

        var byKind = Enumerable.Range(0, corpus.Input.InteractionCount).ToDictionary(i => corpus.Input.Kinds[i], i => corpus.InteractionPostIds[i]);
        Assert.Equal("p1", byKind[Domain.InteractionKind.Repost]);
        Assert.Equal("old", byKind[Domain.InteractionKind.Like]);
        Assert.Null(byKind[Domain.InteractionKind.Follow]);
        // Every post up to the end of the window (the old one is still engaged with); only the window's count as posts.
        Assert.Equal(["old", "p1", "r1"], corpus.Posts.Select(p => p.ExternalId).Order(StringComparer.Ordinal));
        Assert.Equal(2, corpus.Input.PostAuthorIds.Length);
        var old = corpus.Posts.Single(p => p.ExternalId == "old");
        Assert.Equal("Sourdough again", old.Text);
        Assert.Equal(["baking"], old.Hashtags);
        Assert.Equal("p1", corpus.Posts.Single(p => p.ExternalId == "r1").RepostOf);
        await Assert.ThrowsAsync<ArgumentException>(() => store.LoadTopicCorpusAsync("myspace", from, to, ct));
        // On posts only: the follow is left out, the rest is the same.
        var onPosts = await store.LoadTopicCorpusAsync("mastodon", from, to, ct, onPostsOnly: true);
        Assert.Equal(["old", "p1"], onPosts.InteractionPostIds.Order(StringComparer.Ordinal));
        Assert.Equal(corpus.Posts.Select(p => p.ExternalId), onPosts.Posts.Select(p => p.ExternalId));

        // A run's topic step reads the interactions once, with the main load: the keyed load is the scoring input row for
        // row (same order) with each row's post id as the corpus read gives it, and the posts are the corpus's.
        var plain = await store.LoadScoringInputAsync("mastodon", from, to, ct);
        var keyed = await store.LoadScoringInputWithPostKeysAsync("mastodon", from, to, ct);
        var posts = await store.LoadTopicPostsAsync("mastodon", to, storedWith: null, ct);

        Assert.Equal(3, keyed.InteractionCount);
        Assert.Equal(plain.ActorIds, keyed.ActorIds);
        Assert.Equal(plain.TargetIds, keyed.TargetIds);
        Assert.Equal(plain.Kinds, keyed.Kinds);
        Assert.Equal(plain.TimesMs, keyed.TimesMs);
        Assert.Equal(plain.PostAuthorIds, keyed.PostAuthorIds);
        Assert.Null(plain.PostKeys);
        Assert.Equal(corpus.InteractionPostIds, keyed.PostKeys!.AsPostIds());
        Assert.Equal(2, keyed.PostKeys.Keys.Length); // "p1" and "old", each once
        Assert.Equal(corpus.Posts.Select(Row), posts.Select(Row));
        await Assert.ThrowsAsync<ArgumentException>(() => store.LoadScoringInputWithPostKeysAsync("myspace", from, to, ct));
        // With the taxonomy the posts were extracted with at import, each comes with its stored extraction (the SQLite read
        // decodes it from the column's characters), the same as the corpus read gives.
        var taxonomy = Application.Topics.TopicTaxonomy.BuiltIn;
        var storedPosts = await store.LoadTopicPostsAsync("mastodon", to, taxonomy, ct);
        var storedCorpus = await store.LoadTopicCorpusAsync("mastodon", from, to, ct, storedWith: taxonomy);
        Assert.All(storedPosts, p => Assert.NotNull(p.Stored));
        Assert.Contains(storedPosts, p => p.Stored!.Matches.Count > 0);
        Assert.Equal(storedCorpus.Posts.Select(Extraction), storedPosts.Select(Extraction));

        static string Extraction(Application.Topics.TopicPost p) => $"{p.ExternalId} {p.Text} {p.Stored!.OfOriginal} "
            + string.Join(",", p.Stored.Matches.Select(m => $"{m.Kind}/{m.Topic}/{m.Term}")) + " " + string.Join(",", p.Stored.UnknownTags);

        static string Row(Application.Topics.TopicPost p) => $"{p.AuthorId} {p.ExternalId} {p.CreatedAtMs} {p.Text} {string.Join(',', p.Hashtags)} {p.RepostOf}";
    }

    /// <summary>The bulk reads prepare and step statements natively, outside ADO.NET's retry on a locked database: they
    /// must wait for a lock as ADO.NET's commands do, not fail at once (a scoring run's concurrent posts read once failed
    /// so in CI, "SQLite error 5 (database is locked)").</summary>
    [Fact]
    public async Task SqliteBulkReads_WaitOutALockOnTheFile_AndThenReadEverything()
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(DatabaseLocation.Sqlite);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        await new ImportService(store).RunAsync([Sources.Text("a.jsonl", Jsonl, "jsonl")], new ImportOptions("jsonl"), ct: ct);
        var to = DateTimeOffset.Parse("2024-05-31T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var unlockedPosts = await store.LoadTopicPostsAsync(null, to, storedWith: null, ct);
        var unlockedInput = await store.LoadScoringInputAsync(null, 0, to, ct);

        // Another connection holds the file exclusively (a WAL database in exclusive locking mode, in a write).
        var locker = new Microsoft.Data.Sqlite.SqliteConnection(db.Location.ConnectionString + ";Pooling=False");
        await locker.OpenAsync(ct);
        await Exec("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE lock_probe (x INTEGER);");
        // The bulk readers work synchronously once their connection is open, so each is started on the pool.
        var posts = Task.Run(() => store.LoadTopicPostsAsync(null, to, storedWith: null, ct), ct);
        var input = Task.Run(() => store.LoadScoringInputAsync(null, 0, to, ct), ct);
        await Task.Delay(300, ct);
        Assert.False(posts.IsCompleted, Why(posts));
        Assert.False(input.IsCompleted, Why(input));
        await Exec("ROLLBACK;");
        await locker.DisposeAsync();

        Assert.Equal(unlockedPosts.Select(p => p.ExternalId), (await posts).Select(p => p.ExternalId));
        Assert.Equal(unlockedInput.ActorIds, (await input).ActorIds);
        Assert.Equal(3, unlockedInput.InteractionCount);

        static string Why(Task read) => read.Exception?.InnerException?.Message ?? "a read went through a file another connection holds exclusively";

        async Task Exec(string sql)
        {
            await using var cmd = locker.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
