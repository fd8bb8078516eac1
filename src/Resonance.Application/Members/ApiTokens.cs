namespace Resonance.Application.Members;

/// <summary>The scopes an API token can carry. A token acts for its owner, never beyond the owner's own rights.</summary>
public static class ApiScopes
{
    /// <summary>Read the owner's own profile, claims and export.</summary>
    public const string MeRead = "me:read";

    /// <summary>Search discoverable members (marketers).</summary>
    public const string DiscoverRead = "discover:read";

    /// <summary>Send invitations (marketers).</summary>
    public const string InvitationsWrite = "invitations:write";

    /// <summary>Every scope, in the order shown.</summary>
    public static IReadOnlyList<string> All { get; } = [MeRead, DiscoverRead, InvitationsWrite];
}

/// <summary>A token as listed to its owner (the secret is shown once, at creation, and never stored).</summary>
public sealed record ApiTokenInfo(long Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, bool Revoked);

/// <summary>A freshly created token: its secret, to be shown once.</summary>
public sealed record NewApiToken(ApiTokenInfo Token, string Secret);

/// <summary>What a presented token grants: whose it is and which scopes.</summary>
public sealed record ApiTokenGrant(string UserId, IReadOnlyList<string> Scopes);
