using Microsoft.AspNetCore.Builder;
using Resonance.Application.Importing;
using Resonance.Application.Scoring;
using Resonance.Application.Synthetic;
using Resonance.Server.Hosting;
using Resonance.Storage;
using Resonance.Storage.Sqlite;

namespace Resonance.Server.Tests;

/// <summary>
/// A real server on a free loopback port over a real SQLite database holding a generated community (seeded) that has
/// been scored three times: two resonance@1 runs two weeks apart and one resonance@2 run, so profiles have a history
/// with an algorithm change. The demo sign-ins exist: ada (member, visible to signed-in users), mark (marketer),
/// admin, and member1–member5 holding top accounts (member5 visible to signed-in users, the others discoverable).
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("resonance-server-").FullName;
    private WebApplication? _app;

    public RelationalResonanceStore Store { get; private set; } = default!;

    public string DatabasePath => Path.Combine(_dir, "resonance.db");

    public Uri BaseAddress { get; private set; } = default!;

    public IReadOnlyList<DemoSignIns.SignIn> SignIns { get; private set; } = [];

    /// <summary>People in the generated community.</summary>
    public virtual int People => 400;

    /// <summary>Whether the runs find communities (the default of <c>resonance score</c>).</summary>
    public virtual bool Communities => true;

    /// <summary>Sign-in posts allowed per minute per address (high, so tests are not throttled, unless a test is about it).</summary>
    public virtual int SignInAttemptsPerMinute => 1000;

    public async ValueTask InitializeAsync()
    {
        Store = new SqliteResonanceStore(DatabaseLocation.Parse(DatabasePath));
        await Store.MigrateAsync();
        var dataset = SyntheticNetworkGenerator.Generate(new SyntheticOptions { People = People, Seed = 7 });
        await new ImportService(Store).RunAsync([new ImportSource("synthetic", dataset.Records, () => 0, 0)], new ImportOptions("synthetic"));
        var latest = await Store.LatestInteractionTimeAsync(null) ?? throw new InvalidOperationException("no data");
        var scoring = new ScoringService(Store);
        await scoring.RunAsync(new ScoreRequest(new AlgorithmId("resonance", 1), latest - (14 * 86_400_000L)) { Communities = Communities });
        await scoring.RunAsync(new ScoreRequest(new AlgorithmId("resonance", 1)) { Communities = Communities });
        await scoring.RunAsync(new ScoreRequest(AlgorithmId.Parse("resonance@2")) { Communities = Communities });

        _app = ResonanceServer.Build(new ServerOptions(Store, "http://127.0.0.1:0") { SignInAttemptsPerMinute = SignInAttemptsPerMinute });
        await ResonanceServer.PrepareAsync(_app);
        SignIns = await DemoSignIns.SeedAsync(_app.Services);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    /// <summary>Stops the server and starts a fresh one over the same database (nothing cached; new clients needed).</summary>
    public async Task RestartAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _app = ResonanceServer.Build(new ServerOptions(Store, "http://127.0.0.1:0") { SignInAttemptsPerMinute = SignInAttemptsPerMinute });
        await ResonanceServer.PrepareAsync(_app);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    /// <summary>A browser-less client with its own cookies, signed in as <paramref name="email"/> (or anonymous).</summary>
    public async Task<WebClient> ClientAsync(string? email = null)
    {
        var client = new WebClient(BaseAddress);
        if (email is not null)
        {
            await client.SignInAsync(email, DemoSignIns.Password);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
