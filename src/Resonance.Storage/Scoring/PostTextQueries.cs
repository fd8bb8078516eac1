using System.Data.Common;
using Resonance.Application.Scoring;

namespace Resonance.Storage.Scoring;

/// <summary>The window's posts with originality and original text, for the integrity model (<see cref="PostTexts"/>).</summary>
/// <remarks>One scan of <c>posts</c> in id order, the same rows as the posts of
/// <see cref="RelationalResonanceStore.LoadScoringInputAsync"/>. Replies, quotes and reposts come back without text (the database
/// sends NULL), so only the originals' texts travel and are held. Same SQL on SQLite and PostgreSQL.</remarks>
internal static class PostTextQueries
{
    public static async Task<PostTexts> LoadAsync(DbConnection connection, string? network, long fromMs, long toMs, CancellationToken ct)
    {
        var networkId = await ScoreStoreQueries.NetworkIdAsync(connection, network, ct).ConfigureAwait(false);
        List<long> authors = [], created = [];
        List<string?> texts = [];
        List<bool> original = [];
        await using var cmd = AdoCommands.Command(connection, """
            SELECT author_id, created_at_ms,
                   CASE WHEN reply_to IS NULL AND quote_of IS NULL AND repost_of IS NULL THEN 1 ELSE 0 END,
                   CASE WHEN reply_to IS NULL AND quote_of IS NULL AND repost_of IS NULL THEN text END
            FROM posts WHERE created_at_ms BETWEEN @from AND @to
            """ + ScoreStoreQueries.NetworkFilter(networkId) + " ORDER BY id",
            ScoreStoreQueries.WithNetwork(networkId, ("@from", fromMs), ("@to", toMs)));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            authors.Add(reader.GetInt64(0));
            created.Add(reader.GetInt64(1));
            original.Add(reader.GetInt32(2) == 1);
            texts.Add(reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return new PostTexts([.. authors], [.. created], [.. texts], [.. original]);
    }
}
