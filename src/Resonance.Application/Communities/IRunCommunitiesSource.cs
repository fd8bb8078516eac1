namespace Resonance.Application.Communities;

/// <summary>Where discovery and profiles get a run's communities from (the web server caches them per run).</summary>
public interface IRunCommunitiesSource
{
    /// <summary>The communities of the latest run (empty <see cref="RunCommunities.Communities"/> when it has none), or
    /// null when there is no run.</summary>
    Task<RunCommunities?> LatestAsync(CancellationToken ct = default);
}
