using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Resonance.Application.Importing;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;
using Resonance.Storage.Scoring;

namespace Resonance.Storage.Sqlite;

/// <summary>The embedded default: one SQLite file. Its migrations live in <c>Resonance.Storage.Sqlite</c>.</summary>
public sealed class SqliteResonanceStore(DatabaseLocation location) : RelationalResonanceStore(location)
{
    public const string MigrationsAssembly = "Resonance.Storage.Sqlite";

    // Before the first connection of any store: SQLite takes its threading mode only before it is initialised.
    static SqliteResonanceStore() => SqliteThreading.Ensure();

    protected override string MigrationsAssemblyName => MigrationsAssembly;

    protected override DbContextOptions<ResonanceDbContext> BuildContextOptions() =>
        new DbContextOptionsBuilder<ResonanceDbContext>()
            .UseSqlite(Location.ConnectionString, o => o.MigrationsAssembly(MigrationsAssembly))
            .Options;

    public override async Task<IImportSession> BeginImportAsync(CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        return await SqliteImportSession.BeginAsync(Location.ConnectionString, ct).ConfigureAwait(false);
    }

    private protected override Task<long> InsertRunAsync(ScoreRunDraft run, CancellationToken ct) =>
        SqliteScoreRunWriter.SaveAsync(Location.ConnectionString, run, ct);

    private protected override Task<ScoringInput> ReadScoringInputAsync(DbConnection connection, ScoringInputQuery query, CancellationToken ct) =>
        Task.FromResult(SqliteScoringInputReader.Read((SqliteConnection)connection, query, ct));

    private protected override Task<IReadOnlyList<TopicPost>> ReadTopicPostsAsync(DbConnection connection, TopicPostsQuery query, CancellationToken ct) =>
        Task.FromResult(SqliteTopicPostsReader.Read((SqliteConnection)connection, query, ct));

    /// <summary>Zeroes deleted content in place, so an erased person's bytes do not linger in free pages.</summary>
    private protected override Task BeforeErasureAsync(DbConnection connection, CancellationToken ct) =>
        ExecuteAsync(connection, "PRAGMA secure_delete = ON", ct);

    /// <summary>Copies the write-ahead log into the file and truncates it, so no old page image survives there.</summary>
    /// <remarks>Secure deletion zeroes what the erasure deletes, but not the stale copies of rows that B-tree page
    /// splits left in unused page space while importing, so the file is rebuilt (VACUUM: seconds for a Higgs-sized
    /// database; opt-outs are rare). A reader in the middle of a transaction makes the checkpoint report "busy"; it is
    /// retried (for up to 10 s) because until it succeeds the log still holds the frames the import wrote.</remarks>
    private protected override async Task AfterErasureAsync(DbConnection connection, CancellationToken ct)
    {
        await ExecuteAsync(connection, "VACUUM", ct).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(ct).ConfigureAwait(false) || reader.GetInt64(0) == 0)
                {
                    break;
                }
            }
            if (attempt == 100)
            {
                throw new InvalidOperationException("the erasure is committed, but the write-ahead log could not be emptied because readers kept it busy; stop the server and run sqlite3 FILE 'PRAGMA wal_checkpoint(TRUNCATE)'.");
            }
            await Task.Delay(100, ct).ConfigureAwait(false);
        }
        await ExecuteAsync(connection, "PRAGMA secure_delete = OFF", ct).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Opens a read connection that waits out a lock, as the writers' connections do (<see cref="SqlitePragmas"/>).</summary>
    /// <remarks>ADO.NET commands retry a locked database themselves, but the bulk readers prepare and step statements
    /// natively (<see cref="RawStatement"/>), and SQLite answers them "database is locked" at once unless the connection has
    /// a busy timeout. WAL readers rarely meet a lock, but do: while a closing connection checkpoints and removes the
    /// log, or while another holds the file exclusively. Set natively: no statement, and pooled connections keep it.</remarks>
    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(Location.ConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, SqlitePragmas.BusyTimeoutMs);
        return connection;
    }
}
