namespace Resonance.Application.Members;

/// <summary>Invitations from marketers, API tokens, and background scoring jobs, as the application sees them.</summary>
public interface IMarketingStore
{
    /// <summary>Sends an invitation. Throws <see cref="InvalidOperationException"/> unless the recipient is a member who
    /// chose to be discoverable: nothing is ever sent to anyone else.</summary>
    Task<InvitationInfo> SendInvitationAsync(string fromUserId, string toUserName, InvitationKind kind, string message, CancellationToken ct = default);

    /// <summary>Invitations received by the member, newest first.</summary>
    Task<IReadOnlyList<InvitationInfo>> InboxAsync(string userId, CancellationToken ct = default);

    /// <summary>Invitations sent by the marketer, newest first.</summary>
    Task<IReadOnlyList<InvitationInfo>> SentAsync(string userId, CancellationToken ct = default);

    /// <summary>The recipient accepts or declines; null when the member has no such open invitation.</summary>
    Task<InvitationInfo?> DecideInvitationAsync(string userId, long invitationId, bool accept, CancellationToken ct = default);

    /// <summary>Creates a token with <paramref name="scopes"/> (a subset of <see cref="ApiScopes.All"/>).</summary>
    Task<NewApiToken> CreateTokenAsync(string userId, string name, IReadOnlyList<string> scopes, CancellationToken ct = default);

    /// <summary>The member's tokens, newest first.</summary>
    Task<IReadOnlyList<ApiTokenInfo>> TokensOfAsync(string userId, CancellationToken ct = default);

    /// <summary>Revokes one of the member's tokens; false when there is none.</summary>
    Task<bool> RevokeTokenAsync(string userId, long tokenId, CancellationToken ct = default);

    /// <summary>What a presented secret grants, or null when it is unknown or revoked (records its use).</summary>
    Task<ApiTokenGrant?> ValidateTokenAsync(string secret, CancellationToken ct = default);
}
