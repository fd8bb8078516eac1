using System.Collections.Concurrent;
using Resonance.Application.Scoring;

namespace Resonance.Server.Hosting;

/// <summary>One value per run, computed once (on first use, off the request thread) and kept for the newest few runs. A run
/// is immutable, so a value never goes stale; a failed computation is tried again on the next use.</summary>
/// <param name="compute">Computes the value of a run.</param>
internal sealed class RunMemo<T>(Func<ScoreRunInfo, Task<T>> compute)
{
    private const int Kept = 4;
    private readonly ConcurrentDictionary<long, Lazy<Task<T>>> _byRun = new();

    /// <summary>The value of <paramref name="run"/>.</summary>
    public Task<T> Get(ScoreRunInfo run)
    {
        var lazy = _byRun.GetOrAdd(run.Id, _ => new Lazy<Task<T>>(() => Task.Run(() => compute(run))));
        foreach (var older in _byRun.Keys.Where(id => id < run.Id && _byRun.Count > Kept))
        {
            _byRun.TryRemove(older, out _);
        }
        var task = lazy.Value;
        if (task.IsFaulted)
        {
            // For example a database briefly unavailable.
            _byRun.TryRemove(new KeyValuePair<long, Lazy<Task<T>>>(run.Id, lazy));
        }
        return task;
    }

    /// <summary>Starts computing the latest of <paramref name="runs"/> in the background, logging a failure.</summary>
    public void Warm(IReadOnlyList<ScoreRunInfo> runs, ILogger log, string what)
    {
        if (runs.Count > 0)
        {
            _ = Get(runs[^1]).ContinueWith(t => log.LogWarning(t.Exception, "Computing the {What} of run {Run} failed; requests will retry.", what, runs[^1].Id),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }
}
