using Microsoft.Extensions.Caching.Memory;
using Resonance.Application.Communities;
using Resonance.Application.Members;
using Resonance.Storage;

namespace Resonance.Server.Hosting;

/// <summary>The communities of a run (sizes, every account's standing, top topics) computed once per run, and the members
/// a label may name, kept per consent version; a standing or a label for a viewer is then composed in memory, with no
/// query. The latest run's communities are computed when the server starts.</summary>
/// <remarks>Labels follow <see cref="Viewer.MaySee"/> for the real viewer: they name only members that viewer may see,
/// from consent as it is now (a claim, a visibility change or an opt-out bumps the consent version).</remarks>
public sealed class CommunityCache : IRunCommunitiesSource, IHostedService
{
    private readonly RelationalResonanceStore _store;
    private readonly IMemoryCache _cache;
    private readonly ILogger<CommunityCache> _log;
    private readonly RunMemo<RunCommunities> _byRun;

    /// <summary>A cache over <paramref name="store"/>.</summary>
    public CommunityCache(RelationalResonanceStore store, IMemoryCache cache, ILogger<CommunityCache> log)
    {
        _store = store;
        _cache = cache;
        _log = log;
        var service = new CommunityService(store, store, store, InsightsCache.Taxonomy, store);
        _byRun = new RunMemo<RunCommunities>(run => RunCommunities.LoadAsync(store, service, run));
    }

    /// <inheritdoc />
    public async Task<RunCommunities?> LatestAsync(CancellationToken ct = default)
    {
        var runs = await _store.ListRunsAsync(ct).ConfigureAwait(false);
        return runs.Count == 0 ? null : await _byRun.Get(runs[^1]).WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The standing of the profile's account in its community in the profile's run, labelled for
    /// <paramref name="viewer"/>; null when the account is unscored or the run has no communities.</summary>
    public async Task<CommunityPlacement?> PlacementAsync(Profile profile, Viewer viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Run is null || profile.Score is null)
        {
            return null;
        }
        var run = await _byRun.Get(profile.Run).WaitAsync(ct).ConfigureAwait(false);
        return run.Communities.Count == 0 ? null : run.Placement(profile.Score, await NamesAsync(run.Run.Id, ct).ConfigureAwait(false), viewer);
    }

    /// <summary>The latest run's communities, largest first, labelled for <paramref name="viewer"/> (empty when it has none).</summary>
    public async Task<IReadOnlyList<(CommunitySummary Community, CommunityLabel Label)>> LatestLabelsAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (await LatestAsync(ct).ConfigureAwait(false) is not { Communities.Count: > 0 } run)
        {
            return [];
        }
        return run.Labels(await NamesAsync(run.Run.Id, ct).ConfigureAwait(false), viewer);
    }

    private async Task<CommunityNameSource> NamesAsync(long runId, CancellationToken ct)
    {
        var key = ("community-names", runId, _store.ConsentVersion);
        if (_cache.TryGetValue(key, out CommunityNameSource? names) && names is not null)
        {
            return names;
        }
        names = await CommunityNameSource.LoadAsync(_store, _store, runId, ct).ConfigureAwait(false);
        _cache.Set(key, names, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = ProfileCache.Lifetime, Size = 1 });
        return names;
    }

    /// <summary>Starts computing the latest run's communities in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken) =>
        _byRun.Warm(await _store.ListRunsAsync(cancellationToken).ConfigureAwait(false), _log, "communities");

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
