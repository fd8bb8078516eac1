using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Resonance.Application.Members;
using Resonance.Storage.Members;

namespace Resonance.Storage;

/// <summary>Invitations and API tokens (<see cref="IMarketingStore"/>), through EF Core.</summary>
public abstract partial class RelationalResonanceStore : IMarketingStore
{
    /// <summary>Every secret starts with this, so leaked tokens are easy to find in logs and repositories.</summary>
    public const string TokenPrefix = "rsn_";

    /// <inheritdoc />
    public async Task<InvitationInfo> SendInvitationAsync(string fromUserId, string toUserName, InvitationKind kind, string message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var to = await db.Users.SingleOrDefaultAsync(u => u.UserName == toUserName, ct).ConfigureAwait(false);
        var discoverable = to is not null && to.Visibility == Visibility.Discoverable
            && await db.AccountClaims.AnyAsync(c => c.UserId == to.Id && c.Status == ClaimStatus.Verified, ct).ConfigureAwait(false);
        if (!discoverable)
        {
            throw new InvalidOperationException($"'{toUserName}' is not a discoverable member; invitations go only to people who chose to be found.");
        }
        var invitation = new InvitationEntity
        {
            FromUserId = fromUserId, ToUserId = to!.Id, Kind = kind, Message = message.Trim(), Status = InvitationStatus.Sent, SentAtMs = NowMs(),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (await DescribeInvitationsAsync(db, [invitation], ct).ConfigureAwait(false)).Single();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<InvitationInfo>> InboxAsync(string userId, CancellationToken ct = default) =>
        InvitationsAsync(i => i.ToUserId == userId, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<InvitationInfo>> SentAsync(string userId, CancellationToken ct = default) =>
        InvitationsAsync(i => i.FromUserId == userId, ct);

    /// <inheritdoc />
    public async Task<InvitationInfo?> DecideInvitationAsync(string userId, long invitationId, bool accept, CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.ToUserId == userId && i.Status == InvitationStatus.Sent, ct).ConfigureAwait(false);
        if (invitation is null)
        {
            return null;
        }
        (invitation.Status, invitation.DecidedAtMs) = (accept ? InvitationStatus.Accepted : InvitationStatus.Declined, NowMs());
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (await DescribeInvitationsAsync(db, [invitation], ct).ConfigureAwait(false)).Single();
    }

    /// <inheritdoc />
    public async Task<NewApiToken> CreateTokenAsync(string userId, string name, IReadOnlyList<string> scopes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Count == 0 || scopes.Any(s => !ApiScopes.All.Contains(s)))
        {
            throw new ArgumentException($"scopes must be one or more of {string.Join(", ", ApiScopes.All)}.", nameof(scopes));
        }
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ArgumentException("name the token (1–100 characters) so you can tell it apart later.", nameof(name));
        }
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var secret = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');
        var token = new ApiTokenEntity
        {
            UserId = userId, Name = name.Trim(), SecretHash = HashSecret(secret), Scopes = string.Join(' ', scopes.Distinct().Order(StringComparer.Ordinal)),
            CreatedAtMs = NowMs(),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new NewApiToken(ToInfo(token), secret);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiTokenInfo>> TokensOfAsync(string userId, CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var tokens = await db.ApiTokens.Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(ct).ConfigureAwait(false);
        return [.. tokens.Select(ToInfo)];
    }

    /// <inheritdoc />
    public async Task<bool> RevokeTokenAsync(string userId, long tokenId, CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        return await db.ApiTokens.Where(t => t.Id == tokenId && t.UserId == userId && !t.Revoked)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Revoked, true), ct).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<ApiTokenGrant?> ValidateTokenAsync(string secret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var hash = HashSecret(secret);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.SecretHash == hash && !t.Revoked, ct).ConfigureAwait(false);
        if (token is null)
        {
            return null;
        }
        token.LastUsedAtMs = NowMs();
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return new ApiTokenGrant(token.UserId, token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private async Task<IReadOnlyList<InvitationInfo>> InvitationsAsync(System.Linq.Expressions.Expression<Func<InvitationEntity, bool>> filter, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var rows = await db.Invitations.Where(filter).OrderByDescending(i => i.Id).ToListAsync(ct).ConfigureAwait(false);
        return await DescribeInvitationsAsync(db, rows, ct).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<InvitationInfo>> DescribeInvitationsAsync(ResonanceDbContext db, IReadOnlyList<InvitationEntity> rows, CancellationToken ct)
    {
        var ids = rows.SelectMany(i => new[] { i.FromUserId, i.ToUserId }).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "", ct).ConfigureAwait(false);
        return [.. rows.Select(i => new InvitationInfo(i.Id, i.FromUserId, names.GetValueOrDefault(i.FromUserId, ""), i.ToUserId,
            names.GetValueOrDefault(i.ToUserId, ""), i.Kind, i.Message, i.Status, DateTimeOffset.FromUnixTimeMilliseconds(i.SentAtMs),
            i.DecidedAtMs is { } d ? DateTimeOffset.FromUnixTimeMilliseconds(d) : null))];
    }

    private static ApiTokenInfo ToInfo(ApiTokenEntity t) => new(t.Id, t.Name, t.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        DateTimeOffset.FromUnixTimeMilliseconds(t.CreatedAtMs), t.LastUsedAtMs is { } u ? DateTimeOffset.FromUnixTimeMilliseconds(u) : null, t.Revoked);

    private static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
