using Microsoft.Extensions.Caching.Memory;
using Resonance.Application.Insights;
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

    /// <summary>The account named <paramref name="idOrHandle"/> on <paramref name="network"/> and its holder's consent,
    /// when <paramref name="viewer"/> may see it (as <see cref="ProfileService.FindVisibleAsync"/>); the lookup is
    /// cached per consent version, the rule is applied to every request.</summary>
    public async Task<(AccountRef Account, Consent Consent)?> FindVisibleAsync(string network, string idOrHandle, Viewer viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var key = ("find", network, idOrHandle, store.ConsentVersion);
        if (!cache.TryGetValue(key, out (AccountRef? Account, Consent? Consent) found))
        {
            var account = await store.FindAccountAsync(network, idOrHandle, ct).ConfigureAwait(false);
            var consent = account is null ? null : (await store.ConsentsAsync([account.Id], ct).ConfigureAwait(false)).GetValueOrDefault(account.Id);
            found = (account, consent);
            cache.Set(key, found, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        }
        return found.Account is not null && viewer.MaySee(found.Consent) ? (found.Account, found.Consent!) : null;
    }

    /// <summary>The claims of member <paramref name="userId"/> (as <see cref="IMemberStore.ClaimsOfAsync"/>), cached per
    /// consent version: every claim, approval, verification, disconnection or opt-out on this server bumps it.</summary>
    public Task<IReadOnlyList<ClaimInfo>> ClaimsOfAsync(string userId, CancellationToken ct = default) =>
        GetOrReadAsync(("claims", userId, store.ConsentVersion), () => store.ClaimsOfAsync(userId, ct));

    /// <summary>The consent of the member holding <paramref name="accountId"/>, cached per consent version; null when
    /// nobody holds it.</summary>
    public async Task<Consent?> ConsentOfAsync(long accountId, CancellationToken ct = default)
    {
        var consents = await GetOrReadAsync(("consent", accountId, store.ConsentVersion), () => store.ConsentsAsync([accountId], ct)).ConfigureAwait(false);
        return consents.GetValueOrDefault(accountId);
    }

    /// <summary>Audience quality and the visible topics of the account of <paramref name="profile"/> (as
    /// <see cref="InsightService.ForAsync"/>), cached per run (the profile's: the latest covering the account, the one
    /// insights come from) and consent version (hiding or showing a topic bumps it); null when no run covers it.</summary>
    public async Task<AccountInsight?> InsightAsync(InsightService insights, Profile profile, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(insights);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Run is null)
        {
            return null;
        }
        var key = ("insight", profile.Account.Id, profile.Run.Id, store.ConsentVersion);
        if (cache.TryGetValue(key, out AccountInsight? cached) && cached is not null)
        {
            return cached;
        }
        var insight = await insights.ForAsync(profile.Account, ct).ConfigureAwait(false);
        if (insight is not null)
        {
            cache.Set(key, insight, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        }
        return insight;
    }

    /// <summary>The topics hidden from <paramref name="account"/> (as <see cref="InsightService.HiddenAsync"/>), cached
    /// per consent version.</summary>
    public Task<IReadOnlyList<Application.Topics.TopicRejection>> HiddenTopicsAsync(InsightService insights, AccountRef account, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(insights);
        ArgumentNullException.ThrowIfNull(account);
        return GetOrReadAsync(("hidden", account.Id, store.ConsentVersion), () => insights.HiddenAsync(account, ct));
    }

    private async Task<T> GetOrReadAsync<T>(object key, Func<Task<T>> read)
    {
        if (cache.TryGetValue(key, out T? found) && found is not null)
        {
            return found;
        }
        var value = await read().ConfigureAwait(false);
        if (value is not null)
        {
            cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        }
        return value;
    }

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
