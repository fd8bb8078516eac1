using System.Text;
using Microsoft.Data.Sqlite;
using Resonance.Application.Topics;
using Resonance.Storage.Scoring;

namespace Resonance.Storage.Sqlite;

/// <summary>
/// Reads a topic step's posts on SQLite through <see cref="RawStatement"/>: the same query and values as
/// <see cref="TopicQueries.ReadTopicPostsAsync(System.Data.Common.DbConnection, TopicPostsQuery, CancellationToken)"/>, with one
/// native call per value, and a stored extraction looked up by its characters (<see cref="PostTopicCodec.Decoder.Decode(ReadOnlySpan{char})"/>),
/// so the many posts that share one allocate no string for it.
/// </summary>
internal static class SqliteTopicPostsReader
{
    public static IReadOnlyList<TopicPost> Read(SqliteConnection connection, TopicPostsQuery query, CancellationToken ct)
    {
        var posts = new ChunkedColumn<TopicPost>(); // no large object but the result (ChunkedColumn)
        var decoder = query.StoredWith is null ? null : new PostTopicCodec.Decoder(query.StoredWith);
        var bytes = new byte[256];
        var chars = new char[256];
        using var s = new RawStatement(connection.Handle!, query.Sql);
        foreach (var (name, value) in query.Parameters)
        {
            s.Bind(name, value);
        }

        for (var n = 0; s.Read(); n++)
        {
            if ((n & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var hashtags = s.IsNull(4) ? [] : Text(4).ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var stored = decoder is null || s.IsNull(6) ? null : decoder.Decode(Text(6));
            posts.Add(new TopicPost(s.Int64(0), Text(1).ToString(), s.Int64(2), s.IsNull(3) ? null : Text(3).ToString(), hashtags,
                s.IsNull(5) ? null : Text(5).ToString(), stored));
        }

        return posts.ToArray();

        ReadOnlySpan<char> Text(int column)
        {
            var utf8 = s.Utf8(column, ref bytes);
            if (chars.Length < utf8.Length)
            {
                chars = new char[Math.Max(utf8.Length, chars.Length * 2)];
            }

            return chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, chars));
        }
    }
}
