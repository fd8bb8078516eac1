using Microsoft.Extensions.Caching.Memory;
using Resonance.Application.Members;
using Resonance.Application.Scoring;
using Resonance.Storage;

namespace Resonance.Server.Hosting;

/// <summary>Profiles as built by <see cref="ProfileService"/>, kept for a minute per viewer. A profile is a pure function
/// of immutable runs and of who consented, so the key holds the latest run and the store's consent version: a new run,
/// a claim, a visibility change or an opt-out on this server makes every cached profile stale at once.</summary>
public sealed class ProfileCache(IMemoryCache cache, RelationalResonanceStore store)
{
    /// <summary>How long an entry lives (also the bound on staleness for changes made by another process, such as the
    /// CLI linking an account).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>The profile of <paramref name="account"/> for <paramref name="viewer"/>, from the cache when current.</summary>
    public async Task<Profile> GetAsync(ProfileService profiles, AccountRef account, Consent holder, Viewer viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(viewer);
        var runs = await store.ListRunsAsync(ct).ConfigureAwait(false);
        var key = (account.Id, runs.Count > 0 ? runs[^1].Id : 0, store.ConsentVersion, viewer.UserId ?? "", holder.Visibility);
        if (cache.TryGetValue(key, out Profile? cached) && cached is not null)
        {
            return cached;
        }
        var profile = await profiles.ProfileAsync(account, holder, viewer, ct).ConfigureAwait(false);
        cache.Set(key, profile, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return profile;
    }
}
