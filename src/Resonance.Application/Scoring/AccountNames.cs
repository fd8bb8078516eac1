namespace Resonance.Application.Scoring;

/// <summary>Account names as people type them: <c>network:id-or-handle</c>, the same in the CLI, the web app and the API.</summary>
public static class AccountNames
{
    /// <summary>Resolves <c>network:id-or-handle</c> to an account; throws <see cref="ArgumentException"/> when malformed or unknown.</summary>
    public static async Task<AccountRef> ResolveAsync(IScoreStore store, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(name);
        name = name.Trim();
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == name.Length - 1)
        {
            throw new ArgumentException($"'{name}' is not an account name; expected NETWORK:ID-OR-HANDLE, for example higgs:12345 or mastodon:@alice.");
        }

        return await store.FindAccountAsync(name[..colon], name[(colon + 1)..], ct).ConfigureAwait(false)
            ?? throw new ArgumentException($"no account '{name[(colon + 1)..]}' in network '{name[..colon]}'.");
    }
}
