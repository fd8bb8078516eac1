using Microsoft.Data.Sqlite;

namespace Resonance.Storage.Sqlite;

/// <summary>Connection settings for the embedded database: WAL journal (readers never block the importer), a large page cache.</summary>
internal static class SqlitePragmas
{
    /// <summary>How long a statement waits for a lock before SQLite reports the database busy.</summary>
    public const int BusyTimeoutMs = 10_000;

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken ct)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA foreign_keys = ON;
            PRAGMA cache_size = -262144;
            PRAGMA temp_store = MEMORY;
            PRAGMA busy_timeout = {BusyTimeoutMs};
            """;
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
