using Microsoft.Data.Sqlite;
using Resonance.Application.Scoring;
using Resonance.Domain;
using Resonance.Storage.Scoring;

namespace Resonance.Storage.Sqlite;

/// <summary>
/// Reads a scoring run's input on SQLite through <see cref="RawStatement"/>: the same queries and values as
/// <see cref="ScoringInputQuery.ReadAsync"/>, read with one native call per value instead of ADO.NET's type checks and
/// handle references (Higgs, 563k interactions: about a third of the CPU time).
/// </summary>
internal static class SqliteScoringInputReader
{
    public static ScoringInput Read(SqliteConnection connection, ScoringInputQuery query, CancellationToken ct)
    {
        var input = new ScoringInputBuilder();
        var keys = query.WithPostKeys ? new PostKeyCollector() : null;
        var buffer = new byte[64];
        using (var s = Prepare(connection, query.Interactions, query.InteractionParameters))
        {
            for (var n = 0; s.Read(); n++)
            {
                if ((n & 0xFFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
                // InteractionEntity.Untimed and ScoringInput.Untimed are both long.MinValue, so times pass through as stored.
                input.AddInteraction(s.Int64(0), s.Int64(1), (InteractionKind)checked((short)s.Int64(2)), s.Int64(3), s.Double(4));
                keys?.Add(s.Utf8(5, ref buffer));
            }
        }
        using (var s = Prepare(connection, query.Posts, query.PostParameters))
        {
            while (s.Read())
            {
                input.AddPost(s.Int64(0), s.Int64(1));
            }
        }
        return input.Build(keys?.Build());
    }

    private static RawStatement Prepare(SqliteConnection connection, string sql, (string Name, long Value)[] parameters)
    {
        var statement = new RawStatement(connection.Handle!, sql);
        try
        {
            foreach (var (name, value) in parameters)
            {
                statement.Bind(name, value);
            }
            return statement;
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }
}
