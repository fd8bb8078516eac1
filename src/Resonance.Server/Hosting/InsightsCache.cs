using System.Collections.Concurrent;
using Resonance.Application.Insights;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;

namespace Resonance.Server.Hosting;

/// <summary>The insights (audience quality, topic index) of the latest run per network, computed once per run and kept
/// until a newer run replaces it. The computation for the latest run starts when the server starts, so the first
/// profile does not wait for all of it.</summary>
/// <remarks>A run is immutable, so its insights never go stale; hidden topics are applied on top, per request
/// (<see cref="InsightService"/>).</remarks>
public sealed class InsightsCache(IScoreStore scores, ITopicStore topics, ILogger<InsightsCache> log) : IRunInsightsSource, IHostedService
{
    private readonly ConcurrentDictionary<long, Lazy<Task<RunInsights>>> _byRun = new();

    /// <summary>The built-in taxonomy (the one <c>resonance topics</c> uses without <c>--taxonomy</c>).</summary>
    public static TopicTaxonomy Taxonomy => TopicTaxonomy.BuiltIn;

    /// <inheritdoc />
    public async Task<RunInsights?> LatestAsync(string network, CancellationToken ct = default)
    {
        var runs = await scores.ListRunsAsync(ct).ConfigureAwait(false);
        var run = runs.LastOrDefault(r => r.Covers(network));
        return run is null ? null : await ForRunAsync(run).WaitAsync(ct).ConfigureAwait(false);
    }

    private Task<RunInsights> ForRunAsync(ScoreRunInfo run)
    {
        var lazy = _byRun.GetOrAdd(run.Id, _ => new Lazy<Task<RunInsights>>(() => Task.Run(() => RunInsights.ComputeAsync(topics, Taxonomy, run))));
        foreach (var older in _byRun.Keys.Where(id => id < run.Id && _byRun.Count > 4))
        {
            _byRun.TryRemove(older, out _);
        }
        var task = lazy.Value;
        if (task.IsFaulted)
        {
            // A failed computation (for example a database briefly unavailable) is tried again on the next request.
            _byRun.TryRemove(new KeyValuePair<long, Lazy<Task<RunInsights>>>(run.Id, lazy));
        }
        return task;
    }

    /// <summary>Starts computing the latest run's insights in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var runs = await scores.ListRunsAsync(cancellationToken).ConfigureAwait(false);
        if (runs.Count > 0)
        {
            _ = ForRunAsync(runs[^1]).ContinueWith(t => log.LogWarning(t.Exception, "Computing the insights of run {Run} failed; profiles will retry.", runs[^1].Id),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
