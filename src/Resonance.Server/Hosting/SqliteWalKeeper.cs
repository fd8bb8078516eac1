using Microsoft.Data.Sqlite;
using Resonance.Storage;

namespace Resonance.Server.Hosting;

/// <summary>Holds one idle connection to a SQLite database for as long as the server runs.</summary>
/// <remarks>The store opens a fresh, unpooled connection per query. When the last connection to a WAL database
/// closes, SQLite checkpoints the log and deletes the <c>-wal</c> and <c>-shm</c> files, so the next query rebuilds the
/// WAL index under an exclusive lock; a second request opening its connection at that moment gets <c>SQLITE_BUSY</c>,
/// and Microsoft.Data.Sqlite retries after sleeping 150 ms. With two or more concurrent requests that was about 0.3% of
/// them stalled 150, 300 or 450 ms (bench/README.md, web section). While this connection is open the WAL index stays
/// in place and no query has to rebuild it. The connection holds no transaction, so it never blocks a writer, a
/// checkpoint or the erasure's VACUUM.</remarks>
internal sealed class SqliteWalKeeper(RelationalResonanceStore store) : IHostedService, IAsyncDisposable
{
    private SqliteConnection? connection;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store.Provider != DatabaseLocation.Sqlite)
        {
            return;
        }
        connection = new SqliteConnection(store.Location.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // Reading the schema maps the WAL index; the statement ends at once, so no read transaction stays open.
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            connection = null;
        }
    }
}
