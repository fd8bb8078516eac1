using System.Data.Common;
using System.Text;
using Resonance.Application.Topics;

namespace Resonance.Storage.Scoring;

/// <summary>The stored extraction of posts' topics (<see cref="IPostTopicStore"/>), in SQL that runs unchanged on SQLite and
/// PostgreSQL.</summary>
/// <remarks>Re-extraction reads the stale posts in id order, a chunk at a time (the rows it updates leave the stale set, so
/// each chunk starts after the last id), extracts a chunk in parallel and writes it back with multi-row
/// <c>UPDATE … FROM (VALUES …)</c> statements, all in one transaction. O(stale posts' text).</remarks>
internal static class PostTopicQueries
{
    private const int Chunk = 20_000;
    private const int RowsPerUpdate = 400;
    private const string Stale = "(topics_taxonomy IS NULL OR topics_taxonomy <> @fingerprint)";

    public static async Task<long> CountStaleAsync(DbConnection connection, long fingerprint, CancellationToken ct) =>
        Convert.ToInt64(await AdoCommands.ScalarAsync(connection, $"SELECT COUNT(*) FROM posts WHERE {Stale}", ct, ("@fingerprint", fingerprint))
            .ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<long> ExtractAsync(DbConnection connection, TopicExtractor extractor, IProgress<double>? progress, CancellationToken ct)
    {
        var fingerprint = PostTopicCodec.Fingerprint(extractor.Taxonomy);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var total = await CountStaleAsync(connection, fingerprint, ct).ConfigureAwait(false);
        long done = 0, last = long.MinValue;
        progress?.Report(total == 0 ? 1 : 0);
        while (done < total)
        {
            var ids = new List<long>(Chunk);
            var posts = new List<(string? Text, string[] Hashtags, string? RepostOf)>(Chunk);
            await using (var cmd = AdoCommands.Command(connection,
                $"SELECT id, text, hashtags, repost_of FROM posts WHERE {Stale} AND id > @last ORDER BY id LIMIT {Chunk}",
                ("@fingerprint", fingerprint), ("@last", last)))
            {
                cmd.Transaction = transaction;
                await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    ids.Add(reader.GetInt64(0));
                    posts.Add((reader.IsDBNull(1) ? null : reader.GetString(1),
                        reader.IsDBNull(2) ? [] : reader.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                        reader.IsDBNull(3) ? null : reader.GetString(3)));
                }
            }

            if (ids.Count == 0)
            {
                break; // another writer extracted the rest meanwhile
            }

            var encoded = new string[ids.Count];
            Parallel.For(0, ids.Count, new ParallelOptions { CancellationToken = ct },
                i => encoded[i] = PostTopicCodec.Extract(extractor, posts[i].Text, posts[i].Hashtags, posts[i].RepostOf));
            for (var from = 0; from < ids.Count; from += RowsPerUpdate)
            {
                await UpdateAsync(connection, transaction, fingerprint, ids, encoded, from, Math.Min(ids.Count, from + RowsPerUpdate), ct).ConfigureAwait(false);
            }

            done += ids.Count;
            last = ids[^1];
            progress?.Report(Math.Min(1.0, (double)done / total));
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        progress?.Report(1);
        return done;
    }

    private static async Task UpdateAsync(DbConnection connection, DbTransaction transaction, long fingerprint, List<long> ids, string[] encoded,
        int from, int to, CancellationToken ct)
    {
        var sql = new StringBuilder("UPDATE posts SET topics = v.column2, topics_taxonomy = @fingerprint FROM (VALUES ");
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.AddParameter("@fingerprint", fingerprint);
        for (var i = from; i < to; i++)
        {
            sql.Append(i == from ? "" : ", ").Append("(@i").Append(i - from).Append(", @t").Append(i - from).Append(')');
            cmd.AddParameter($"@i{i - from}", ids[i]);
            cmd.AddParameter($"@t{i - from}", encoded[i]);
        }

        cmd.CommandText = sql.Append(") AS v WHERE posts.id = v.column1").ToString();
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
