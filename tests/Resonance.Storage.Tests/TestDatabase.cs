using Npgsql;

namespace Resonance.Storage.Tests;

/// <summary>
/// A fresh, empty database for one test on the named provider. SQLite is a temporary file. PostgreSQL is a new
/// database on the server named by RESONANCE_TEST_POSTGRES (CI starts one); without it the test is skipped, saying why.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "RESONANCE_TEST_POSTGRES";

    private readonly string? _tempDir;
    private readonly string? _pgAdmin;
    private readonly string? _pgDatabase;

    private TestDatabase(DatabaseLocation location, string? tempDir, string? pgAdmin, string? pgDatabase)
    {
        Location = location;
        _tempDir = tempDir;
        _pgAdmin = pgAdmin;
        _pgDatabase = pgDatabase;
    }

    public DatabaseLocation Location { get; }

    /// <summary>Opens a plain connection to this database, for checks that look under the store.</summary>
    public async Task<System.Data.Common.DbConnection> OpenConnectionAsync()
    {
        System.Data.Common.DbConnection connection = Location.Provider == DatabaseLocation.Postgres
            ? new NpgsqlConnection(Location.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(Location.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs a query that returns one number.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static TheoryData<string> Providers => new(DatabaseLocation.Sqlite, DatabaseLocation.Postgres);

    /// <summary>Creates an empty, migrated database and opens a store on it.</summary>
    public static async Task<(TestDatabase Db, RelationalResonanceStore Store)> CreateMigratedAsync(string provider)
    {
        var db = await CreateAsync(provider);
        var store = ResonanceStores.Open(db.Location);
        await store.MigrateAsync();
        return (db, store);
    }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == DatabaseLocation.Sqlite)
        {
            var dir = Directory.CreateTempSubdirectory("resonance-test-").FullName;
            return new TestDatabase(DatabaseLocation.Parse(Path.Combine(dir, "test.db")), dir, null, null);
        }
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.Skip($"PostgreSQL tests need a server: set {PostgresVariable} to an Npgsql connection string (.ci/run does).");
        }
        var name = $"resonance_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await cmd.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseLocation.Parse(builder.ConnectionString), null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_tempDir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_tempDir, recursive: true); } catch (IOException) { }
        }
        if (_pgAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_pgAdmin);
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", connection);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
