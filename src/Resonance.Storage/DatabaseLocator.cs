using Microsoft.Data.Sqlite;
using Npgsql;

namespace Resonance.Storage;

/// <summary>Which database a <c>--db</c> value (or <c>RESONANCE_DB</c>) names.</summary>
/// <param name="Provider"><c>sqlite</c> or <c>postgres</c>.</param>
/// <param name="ConnectionString">The provider's connection string.</param>
/// <param name="Display">Where the data lives, safe to print (never includes a password).</param>
public sealed record DatabaseLocation(string Provider, string ConnectionString, string Display)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string DefaultSqliteFile = "resonance.db";

    /// <summary>
    /// Parses a database reference: a <c>postgres://user:pass@host:port/db</c> URI or an Npgsql connection string
    /// (<c>Host=…;Database=…</c>) means PostgreSQL; a SQLite connection string (<c>Data Source=…</c>) or any other
    /// value is a SQLite file path. Null or empty means <c>resonance.db</c> in the current folder.
    /// </summary>
    public static DatabaseLocation Parse(string? value)
    {
        value = string.IsNullOrWhiteSpace(value) ? DefaultSqliteFile : value.Trim();
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            var query = new Uri(value).Query.TrimStart('?').Replace('&', ';');
            return FromPostgres(FromUri(value), SslModeGiven(query));
        }
        if (value.Contains('=', StringComparison.Ordinal) && (ContainsKey(value, "host") || ContainsKey(value, "server")))
        {
            return FromPostgres(new NpgsqlConnectionStringBuilder(value), SslModeGiven(value));
        }
        var sqlite = value.Contains('=', StringComparison.Ordinal) && ContainsKey(value, "data source")
            ? new SqliteConnectionStringBuilder(value)
            : new SqliteConnectionStringBuilder { DataSource = value };
        sqlite.Pooling = false;
        return new DatabaseLocation(Sqlite, sqlite.ConnectionString, Path.GetFullPath(sqlite.DataSource));
    }

    private static bool ContainsKey(string connectionString, string key) =>
        connectionString.Split(';').Any(part => part.Split('=')[0].Trim().Equals(key, StringComparison.OrdinalIgnoreCase));

    private static bool SslModeGiven(string connectionString) =>
        ContainsKey(connectionString, "ssl mode") || ContainsKey(connectionString, "sslmode") || ContainsKey(connectionString, "ssl_mode");

    /// <summary>
    /// A server on this machine is reached without TLS unless the reference asks for an SSL mode: Npgsql's default
    /// (<c>Prefer</c>, as libpq's) would encrypt loopback traffic that never leaves the machine, which costs a TLS
    /// handshake on every command (about 0.1 CPU-second and 0.3 s of start-up) and the encryption of every bulk COPY.
    /// <c>Allow</c> still falls back to TLS when the server accepts only TLS connections (<c>hostssl</c>).
    /// </summary>
    private static DatabaseLocation FromPostgres(NpgsqlConnectionStringBuilder b, bool sslModeGiven)
    {
        if (!sslModeGiven && IsLoopback(b.Host))
        {
            b.SslMode = SslMode.Allow;
        }
        return new(Postgres, b.ConnectionString, $"postgres://{(b.Username is null ? "" : b.Username + "@")}{b.Host}:{b.Port}/{b.Database}");
    }

    private static bool IsLoopback(string? host) =>
        host is not null &&
        (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
         (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address)));

    private static NpgsqlConnectionStringBuilder FromUri(string value)
    {
        var uri = new Uri(value);
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port };
        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            b.Database = Uri.UnescapeDataString(database);
        }
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                b.Password = Uri.UnescapeDataString(parts[1]);
            }
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            b[Uri.UnescapeDataString(kv[0]).Replace('_', ' ')] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
        }
        return b;
    }
}
