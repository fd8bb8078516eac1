using System.Data.Common;
using Resonance.Application.Topics;
using Resonance.Domain;
using Resonance.Storage.Entities;

namespace Resonance.Storage.Scoring;

/// <summary>The reads behind <see cref="ITopicStore"/>, in SQL that runs unchanged on SQLite and PostgreSQL.</summary>
internal static class TopicQueries
{
    public static async Task<TopicCorpus> LoadTopicCorpusAsync(DbConnection connection, string? network, long fromMs, long toMs, bool onPostsOnly,
        TopicTaxonomy? storedWith, CancellationToken ct)
    {
        var networkId = await ScoreStoreQueries.NetworkIdAsync(connection, network, ct).ConfigureAwait(false);
        var input = new ScoringInputBuilder();
        var postIds = new List<string?>();
        await using (var cmd = AdoCommands.Command(connection, """
            SELECT actor_id, target_id, kind, occurred_at_ms, weight, post_key FROM interactions
            WHERE (occurred_at_ms BETWEEN @from AND @to OR occurred_at_ms = @untimed)
            """ + (onPostsOnly ? " AND post_key <> ''" : "") + ScoreStoreQueries.NetworkFilter(networkId),
            ScoreStoreQueries.WithNetwork(networkId, ("@from", fromMs), ("@to", toMs), ("@untimed", InteractionEntity.Untimed))))
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                input.AddInteraction(reader.GetInt64(0), reader.GetInt64(1), (InteractionKind)reader.GetInt16(2), reader.GetInt64(3), reader.GetDouble(4));
                var key = reader.GetString(5);
                postIds.Add(key.Length == 0 ? null : key);
            }
        }

        var posts = await ReadTopicPostsAsync(connection, networkId, toMs, storedWith, ct).ConfigureAwait(false);
        foreach (var post in posts.Where(p => p.CreatedAtMs >= fromMs))
        {
            input.AddPost(post.AuthorId, post.CreatedAtMs);
        }

        return new TopicCorpus(input.Build(), postIds, posts).Validate();
    }

    /// <summary>The posts <paramref name="query"/> selects, by store id, through ADO.NET.</summary>
    public static async Task<TopicPost[]> ReadTopicPostsAsync(DbConnection connection, TopicPostsQuery query, CancellationToken ct)
    {
        var posts = new ChunkedColumn<TopicPost>(); // no large object but the result (ChunkedColumn)
        var decoder = query.StoredWith is null ? null : new PostTopicCodec.Decoder(query.StoredWith);
        await using var cmd = AdoCommands.Command(connection, query.Sql, [.. query.Parameters.Select(x => (x.Name, (object?)x.Value))]);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var hashtags = reader.IsDBNull(4) ? [] : reader.GetString(4).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var stored = decoder is null || reader.IsDBNull(6) ? null : decoder.Decode(reader.GetString(6));
            posts.Add(new TopicPost(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3), hashtags,
                reader.IsDBNull(5) ? null : reader.GetString(5), stored));
        }

        return posts.ToArray();
    }

    private static (string, object?) Fingerprint(TopicTaxonomy? storedWith) => ("@fingerprint", storedWith is null ? 0L : PostTopicCodec.Fingerprint(storedWith));

    private static async Task<TopicPost[]> ReadTopicPostsAsync(DbConnection connection, int? networkId, long toMs, TopicTaxonomy? storedWith,
        CancellationToken ct) =>
        await ReadTopicPostsAsync(connection, TopicPostsQuery.Create(networkId, toMs, storedWith), ct).ConfigureAwait(false);

    public static async Task<TopicCorpus> LoadAccountTopicCorpusAsync(DbConnection connection, string? network, long fromMs, long toMs, long accountId,
        TopicTaxonomy? storedWith, CancellationToken ct)
    {
        var networkId = await ScoreStoreQueries.NetworkIdAsync(connection, network, ct).ConfigureAwait(false);
        var input = new ScoringInputBuilder();
        var postIds = new List<string?>();
        const string Columns = "SELECT actor_id, target_id, kind, occurred_at_ms, weight, post_key FROM interactions WHERE (occurred_at_ms BETWEEN @from AND @to OR occurred_at_ms = @untimed)";
        var filter = ScoreStoreQueries.NetworkFilter(networkId);
        // Made (the key leads with the actor), then received (its index), the account's self-interactions once.
        await using (var cmd = AdoCommands.Command(connection,
            $"{Columns} AND actor_id = @account{filter} UNION ALL {Columns} AND target_id = @account AND actor_id <> @account{filter}",
            ScoreStoreQueries.WithNetwork(networkId, ("@from", fromMs), ("@to", toMs), ("@untimed", InteractionEntity.Untimed), ("@account", accountId))))
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                input.AddInteraction(reader.GetInt64(0), reader.GetInt64(1), (InteractionKind)reader.GetInt16(2), reader.GetInt64(3), reader.GetDouble(4));
                var key = reader.GetString(5);
                postIds.Add(key.Length == 0 ? null : key);
            }
        }

        // The account's posts, the posts its interactions name, then the posts any of those repost: by store id, as the whole corpus.
        var posts = new SortedDictionary<long, TopicPost>();
        // Of the account's own network only: post ids are unique within a network, not across networks.
        var postColumns = $"SELECT id, author_id, external_id, created_at_ms, {TopicPostsQuery.Columns(storedWith)} FROM posts WHERE created_at_ms <= @to"
            + " AND network_id = (SELECT network_id FROM accounts WHERE id = @account)";
        var decoder = storedWith is null ? null : new PostTopicCodec.Decoder(storedWith);
        await ReadPostsAsync(connection, $"{postColumns} AND author_id = @account{filter}",
            ScoreStoreQueries.WithNetwork(networkId, ("@to", toMs), ("@account", accountId), Fingerprint(storedWith)), decoder, posts, ct).ConfigureAwait(false);
        var named = postIds.OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (var round = 0; round < 2; round++)
        {
            named.ExceptWith(posts.Values.Select(p => p.ExternalId));
            foreach (var chunk in named.Order(StringComparer.Ordinal).Chunk(500))
            {
                var names = chunk.Select((_, i) => $"@p{i}");
                await ReadPostsAsync(connection, $"{postColumns} AND external_id IN ({string.Join(", ", names)}){filter}",
                    ScoreStoreQueries.WithNetwork(networkId, [("@to", toMs), ("@account", accountId), Fingerprint(storedWith), .. chunk.Select((id, i) => ($"@p{i}", (object?)id))]),
                    decoder, posts, ct)
                    .ConfigureAwait(false);
            }
            named = posts.Values.Select(p => p.RepostOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        }

        foreach (var post in posts.Values.Where(p => p.CreatedAtMs >= fromMs))
        {
            input.AddPost(post.AuthorId, post.CreatedAtMs);
        }

        return new TopicCorpus(input.Build(), postIds, [.. posts.Values]).Validate();
    }

    private static async Task ReadPostsAsync(DbConnection connection, string sql, (string Name, object? Value)[] parameters, PostTopicCodec.Decoder? decoder,
        SortedDictionary<long, TopicPost> posts, CancellationToken ct)
    {
        await using var cmd = AdoCommands.Command(connection, sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var hashtags = reader.IsDBNull(5) ? [] : reader.GetString(5).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var stored = decoder is null || reader.IsDBNull(7) ? null : decoder.Decode(reader.GetString(7));
            posts[reader.GetInt64(0)] = new TopicPost(reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                hashtags, reader.IsDBNull(6) ? null : reader.GetString(6), stored);
        }
    }
}
