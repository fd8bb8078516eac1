using System.Data.Common;
using Resonance.Application.Importing;
using Resonance.Storage;

namespace Resonance.Cli;

/// <summary>Opens the database for a command and turns "cannot use it" into a clear message and exit code 69.</summary>
internal static class StoreAccess
{
    /// <summary>
    /// Opens the store. A SQLite file that does not exist yet is created and migrated (it is the embedded default);
    /// an existing database with pending migrations must be upgraded with <c>resonance db migrate</c>.
    /// </summary>
    public static async Task<RelationalResonanceStore> OpenReadyAsync(DatabaseLocation location, CancellationToken ct)
    {
        var store = ResonanceStores.Open(location);
        try
        {
            if (location.Provider == DatabaseLocation.Sqlite && !File.Exists(location.Display))
            {
                var dir = Path.GetDirectoryName(location.Display);
                if (!string.IsNullOrEmpty(dir))
                {
                    Directory.CreateDirectory(dir);
                }
                await store.MigrateAsync(ct).ConfigureAwait(false);
            }
            await store.EnsureSchemaAsync(ct).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Maps database failures to a message and exit code; returns false for anything else.</summary>
    public static bool TryDescribe(Exception e, DatabaseLocation location, out string message)
    {
        message = e switch
        {
            StoreNotReadyException => e.Message,
            DbException or System.Net.Sockets.SocketException or TimeoutException =>
                $"cannot use the database at {location.Display}: {e.Message}",
            InvalidOperationException when e.InnerException is DbException inner =>
                $"cannot use the database at {location.Display}: {inner.Message}",
            _ => "",
        };
        return message.Length > 0;
    }
}
