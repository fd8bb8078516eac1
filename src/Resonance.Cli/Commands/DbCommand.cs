using System.CommandLine;
using Resonance.Storage;
using Spectre.Console;

namespace Resonance.Cli.Commands;

/// <summary><c>resonance db migrate</c>: create or upgrade the schema.</summary>
internal static class DbCommand
{
    public static Command Create(CliConsole console)
    {
        var migrate = new Command("migrate", """
            Create or upgrade the database schema (SQLite or PostgreSQL) to this version of Resonance.
            A new SQLite file is also created automatically by the first import.

            Examples:
              resonance db migrate
              resonance db migrate --db "Host=localhost;Database=resonance;Username=postgres"
            """);
        migrate.SetAction((parse, ct) =>
        {
            var location = GlobalOptions.Database(parse);
            return CommandRunner.RunAsync(console, location, async () =>
            {
                await using var store = ResonanceStores.Open(location);
                var applied = await store.MigrateAsync(ct).ConfigureAwait(false);
                console.Out.WriteLine(applied.Count == 0
                    ? $"{location.Display} ({location.Provider}) is up to date."
                    : $"{location.Display} ({location.Provider}): applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
                return ExitCodes.Ok;
            });
        });
        return new Command("db", "Manage the database schema.") { migrate };
    }
}
