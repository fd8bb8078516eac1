using Microsoft.Data.Sqlite;

namespace Resonance.Storage.Sqlite;

/// <summary>
/// The SQLite side of the deferred-index rule (see <see cref="Postgres.DeferredIndexes"/>): when <c>accounts</c> or
/// <c>interactions</c> is empty as an import begins, its secondary indexes are dropped inside the import transaction and
/// re-created from their own <c>sqlite_master</c> SQL just before commit. SQLite DDL is transactional, so a failed
/// import rolls them back too. Primary keys (and <c>posts</c>' unique index, which <c>INSERT OR IGNORE</c> needs) stay.
/// </summary>
internal static class SqliteDeferredIndexes
{
    public static List<string> DropWhereEmpty(SqliteConnection connection, SqliteTransaction transaction)
    {
        var definitions = new List<string>();
        foreach (var table in BulkTables.WithDeferrableIndexes)
        {
            using var cmd = connection.CreateCommand();
            cmd.Transaction = transaction;
            cmd.CommandText = $"SELECT NOT EXISTS (SELECT 1 FROM {table})";
            if (Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                continue;
            }
            // Indexes SQLite makes for PRIMARY KEY/UNIQUE constraints have no SQL and cannot be dropped; they stay.
            cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $t AND sql IS NOT NULL ORDER BY name";
            cmd.Parameters.AddWithValue("$t", table);
            var indexes = new List<(string Name, string Sql)>();
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read())
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
            foreach (var (name, sql) in indexes)
            {
                using var drop = connection.CreateCommand();
                drop.Transaction = transaction;
                drop.CommandText = $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                drop.ExecuteNonQuery();
                definitions.Add(sql);
            }
        }
        return definitions;
    }

    public static void Rebuild(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> definitions)
    {
        foreach (var sql in definitions)
        {
            using var create = connection.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = sql;
            create.ExecuteNonQuery();
        }
    }
}
