using Resonance.Application.Scoring;
using Resonance.Storage;

namespace Resonance.Cli.Commands.Scoring;

/// <summary>Opens the store for a scoring command and maps its failures: a bad name or id is a usage error (64), data
/// that no longer matches a run is a data error (65); the rest as every command does.</summary>
internal static class ScoringCommandRunner
{
    public static Task<int> RunAsync(CliConsole console, DatabaseLocation location, CancellationToken ct, Func<IScoreStore, Task<int>> body) =>
        CommandRunner.RunAsync(console, location, async () =>
        {
            if (location.Provider == DatabaseLocation.Sqlite && !File.Exists(location.Display))
            {
                console.Fail($"no database at {location.Display}. Import data first (resonance import …) or pass --db.");
                return ExitCodes.NoInput;
            }

            await using var store = await StoreAccess.OpenReadyAsync(location, ct).ConfigureAwait(false);
            try
            {
                return await body((IScoreStore)store).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                console.Fail(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
                return ExitCodes.Usage;
            }
            catch (InvalidOperationException e) when (e.InnerException is null)
            {
                console.Fail(e.Message);
                return ExitCodes.DataError;
            }
        });

    /// <summary>The run named by <paramref name="runId"/>, or the latest run; throws <see cref="ArgumentException"/> when there is none.</summary>
    public static async Task<ScoreRunInfo> RunOrLatestAsync(IScoreStore store, long? runId, CancellationToken ct)
    {
        if (runId is { } id)
        {
            return await store.GetRunAsync(id, ct).ConfigureAwait(false) ?? throw new ArgumentException($"no run {id}; see `resonance runs`.");
        }

        var runs = await store.ListRunsAsync(ct).ConfigureAwait(false);
        return runs.Count > 0 ? runs[^1] : throw new ArgumentException("there are no runs yet; run `resonance score` first.");
    }

    /// <summary>Resolves <c>network:id-or-handle</c> to an account; throws <see cref="ArgumentException"/> when malformed or unknown.</summary>
    public static Task<AccountRef> AccountAsync(IScoreStore store, string name, CancellationToken ct) =>
        AccountNames.ResolveAsync(store, name, ct);
}
