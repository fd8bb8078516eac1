using Resonance.Application.Insights;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;

namespace Resonance.Server.Hosting;

/// <summary>The insights (audience quality, topic index) of the latest run per network, computed once per run and kept
/// until a newer run replaces it. The computation for the latest run starts when the server starts, so the first
/// profile does not wait for all of it.</summary>
/// <remarks>A run is immutable, so its insights never go stale: topics are read from the run's stored topics (or, for a
/// run saved without them, recomputed once with a note), never from data imported since; hidden topics are applied on
/// top, per request (<see cref="InsightService"/>).</remarks>
public sealed class InsightsCache(IScoreStore scores, ITopicStore topics, IRunTopicStore runTopics, ILogger<InsightsCache> log) : IRunInsightsSource, IHostedService
{
    private readonly RunMemo<RunInsights> _byRun = new(run => RunInsights.ComputeAsync(topics, Taxonomy, run, scores, runTopics));

    /// <summary>The built-in taxonomy (the one <c>resonance topics</c> uses without <c>--taxonomy</c>).</summary>
    public static TopicTaxonomy Taxonomy => TopicTaxonomy.BuiltIn;

    /// <inheritdoc />
    public async Task<RunInsights?> LatestAsync(string network, CancellationToken ct = default)
    {
        var runs = await scores.ListRunsAsync(ct).ConfigureAwait(false);
        var run = runs.LastOrDefault(r => r.Covers(network));
        return run is null ? null : await _byRun.Get(run).WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Starts computing the latest run's insights in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken) =>
        _byRun.Warm(await scores.ListRunsAsync(cancellationToken).ConfigureAwait(false), log, "insights");

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
