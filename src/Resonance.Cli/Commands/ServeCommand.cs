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
                await using var store = await StoreAccess.OpenReadyAsync(location, ct).ConfigureAwait(false);
                await RunAsync(console, store, parse.GetValue(Urls)!,
                    parse.GetValue(DemoSignInsOption) ? services => DemoSignIns.SeedAsync(services, ct) : null, ct).ConfigureAwait(false);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    /// <summary>Builds and runs the host until <paramref name="ct"/> is cancelled (Ctrl+C), printing where it listens.</summary>
    public static async Task RunAsync(CliConsole console, RelationalResonanceStore store, string urls,
        Func<IServiceProvider, Task<IReadOnlyList<DemoSignIns.SignIn>>>? signIns, CancellationToken ct)
    {
        await using var app = ResonanceServer.Build(new ServerOptions(store, urls));
        await ResonanceServer.PrepareAsync(app, ct).ConfigureAwait(false);
        var demo = signIns is null ? [] : await signIns(app.Services).ConfigureAwait(false);
        await app.StartAsync(ct).ConfigureAwait(false);
        foreach (var url in app.Urls)
        {
            console.Out.WriteLine($"Resonance is serving {store.Location.Display} on {url}  (API reference: {url}/api-reference)");
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
    }
}
