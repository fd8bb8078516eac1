using System.CommandLine;
using Resonance.Storage;

namespace Resonance.Cli;

/// <summary>Options every command accepts.</summary>
public static class GlobalOptions
{
    public const string DbEnvironmentVariable = "RESONANCE_DB";

    /// <summary><c>--db</c>: a SQLite file path (default resonance.db) or a PostgreSQL connection string / postgres:// URI.</summary>
    public static Option<string?> Db { get; } = new("--db")
    {
        Description = $"Database: a SQLite file path (default {DatabaseLocation.DefaultSqliteFile} in the current folder), " +
                      $"or a PostgreSQL connection string (Host=…;Database=…) or postgres://user:pass@host/db URI. Default: ${DbEnvironmentVariable}.",
        Recursive = true,
        HelpName = "DB",
    };

    /// <summary>The database named by <c>--db</c>, else <c>RESONANCE_DB</c>, else <c>resonance.db</c>.</summary>
    public static DatabaseLocation Database(ParseResult parse) =>
        DatabaseLocation.Parse(parse.GetValue(Db) ?? Environment.GetEnvironmentVariable(DbEnvironmentVariable));
}
