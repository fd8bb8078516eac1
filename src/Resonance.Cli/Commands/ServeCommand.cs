using Spectre.Console;
using System.CommandLine;
using Resonance.Server.Hosting;
using Resonance.Storage;

namespace Resonance.Cli.Commands;

/// <summary><c>resonance serve [--urls URL]</c>: the web app and API over an existing database.</summary>
internal static class ServeCommand
{
    public static readonly Option<string> Urls = new("--urls")
    {
        Description = "Where to listen (ASP.NET Core URLs, separated by ';').",
        DefaultValueFactory = _ => ServerOptions.DefaultUrls,
        HelpName = "URLS",
    };

    public static readonly Option<bool> DemoSignInsOption = new("--demo-sign-ins")
    {
        Description = "Create the demo sign-ins (a member holding a well-engaged account, a marketer, an admin, five visible members) if missing; for trying an instance out and for benchmarks.",
    };

    public static Command Create(CliConsole console)
    {
        var command = new Command("serve", """
            Serve the web app (profiles, privacy center, people, admin) and the REST API over a database,
            SQLite or PostgreSQL, until Ctrl+C. The API reference is at /api-reference, the OpenAPI
            document at /openapi/v1.json.

            Examples:
              resonance serve --db resonance-demo/resonance.db
              resonance serve --urls http://0.0.0.0:8080 --db "Host=localhost;Database=resonance;Username=me"
            """)
        { Urls, DemoSignInsOption };
        command.SetAction((parse, ct) =>
        {
            var location = GlobalOptions.Database(parse);
            return CommandRunner.RunAsync(console, location, async () =>
            {
                if (UrlsProblem(parse.GetValue(Urls)!) is { } problem)
                {
                    console.Fail(problem);
                    return ExitCodes.Usage;
                }
                var fresh = location.Provider == DatabaseLocation.Sqlite && !File.Exists(location.Display);
                await using var store = await StoreAccess.OpenReadyAsync(location, ct).ConfigureAwait(false);
                if (fresh)
                {
                    console.Out.WriteLine($"There was no database at {location.Display}: created an empty one. Import data with `resonance import`, or try `resonance demo`.");
                }
                return await RunAsync(console, store, parse.GetValue(Urls)!,
                    parse.GetValue(DemoSignInsOption) ? services => DemoSignIns.SeedAsync(services, ct) : null, ct).ConfigureAwait(false);
            });
        });
        return command;
    }

    /// <summary>Why <paramref name="urls"/> cannot be listened on (each must be an absolute http or https URL), or null.</summary>
    public static string? UrlsProblem(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https"))
            {
                return $"--urls: '{url}' is not a URL to listen on; expected for example http://127.0.0.1:5080 (several separated by ';').";
            }
        }
        return null;
    }

    /// <summary>Builds and runs the host until <paramref name="ct"/> is cancelled (Ctrl+C), printing where it listens.
    /// Returns the exit code: 0 after Ctrl+C, 69 when the address cannot be bound (for example, already in use).</summary>
    public static async Task<int> RunAsync(CliConsole console, RelationalResonanceStore store, string urls,
        Func<IServiceProvider, Task<IReadOnlyList<DemoSignIns.SignIn>>>? signIns, CancellationToken ct)
    {
        await using var app = ResonanceServer.Build(new ServerOptions(store, urls));
        await ResonanceServer.PrepareAsync(app, ct).ConfigureAwait(false);
        var demo = signIns is null ? [] : await signIns(app.Services).ConfigureAwait(false);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            console.Fail($"cannot listen on {urls}: {e.Message} Choose another address with --urls.");
            return ExitCodes.Unavailable;
        }
        foreach (var url in app.Urls)
        {
            console.Out.WriteLine($"Resonance is serving {store.Location.Display} on {url}  (API reference: {url}/api-reference/)");
        }
        foreach (var s in demo)
        {
            console.Out.WriteLine($"  sign in as {s.Role,-8} {s.Email,-28} password {s.Password}{(s.Account is { } a ? $"   (holds {a})" : "")}");
        }
        console.Out.WriteLine("Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop gracefully below.
        }
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
