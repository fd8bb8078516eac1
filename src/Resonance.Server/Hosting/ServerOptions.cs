using Resonance.Storage;

namespace Resonance.Server.Hosting;

/// <summary>How to run the web host.</summary>
/// <param name="Store">The database (SQLite or PostgreSQL), already migrated; the host does not own it.</param>
/// <param name="Urls">Where to listen, for example <c>http://127.0.0.1:5080</c>; port 0 picks a free port.</param>
public sealed record ServerOptions(RelationalResonanceStore Store, string Urls = ServerOptions.DefaultUrls)
{
    /// <summary>The demo's address.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Sign-in attempts allowed per client address per minute before 429.</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10;

    /// <summary>Minimum log level for the host's own logging.</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Warning;
}
