using Microsoft.EntityFrameworkCore;
using Resonance.Application.Persons;

namespace Resonance.Storage;

/// <summary>Members as the operator names them, and unlinking one account (<see cref="IPersonStore"/>), through EF Core.</summary>
public abstract partial class RelationalResonanceStore : IPersonStore
{
    /// <inheritdoc />
    public async Task<PersonRef?> FindMemberAsync(string emailOrUserName, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailOrUserName);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var key = emailOrUserName.Trim().ToUpperInvariant();
        var found = await db.Users
            .Where(u => u.NormalizedEmail == key || u.NormalizedUserName == key)
            .Select(u => new { u.Id, u.UserName, u.Email, ByEmail = u.NormalizedEmail == key })
            .ToListAsync(ct).ConfigureAwait(false);
        var best = found.OrderByDescending(u => u.ByEmail).ThenBy(u => u.Id, StringComparer.Ordinal).FirstOrDefault();
        return best is null ? null : new PersonRef(best.Id, best.UserName ?? best.Id, best.Email);
    }

    /// <inheritdoc />
    public async Task<bool> UnlinkAsync(string userId, long accountId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var removed = await db.AccountClaims.Where(c => c.UserId == userId && c.AccountId == accountId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        return removed > 0;
    }
}
