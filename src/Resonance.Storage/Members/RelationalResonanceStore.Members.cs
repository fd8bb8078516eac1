using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Resonance.Application.Members;
using Resonance.Application.Scoring;
using Resonance.Storage.Members;

namespace Resonance.Storage;

/// <summary>Claims, consent and visibility (<see cref="IMemberStore"/>), through EF Core.</summary>
public abstract partial class RelationalResonanceStore : IMemberStore
{
    private const string ClaimCodePrefix = "resonance-";

    private long _consentVersion;

    /// <summary>Goes up whenever this store changes who may be seen (claims, visibility, erasure), so that caches of
    /// what a viewer may see can tell they are out of date. Changes made by another process are not counted.</summary>
    public long ConsentVersion => Interlocked.Read(ref _consentVersion);

    private void ConsentChanged() => Interlocked.Increment(ref _consentVersion);

    /// <inheritdoc />
    public async Task<ClaimInfo> ClaimAsync(string userId, AccountRef account, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(account);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var held = await db.AccountClaims.AnyAsync(c => c.AccountId == account.Id && c.UserId != userId && c.Status == ClaimStatus.Verified, ct).ConfigureAwait(false);
        if (held)
        {
            throw new InvalidOperationException($"{account.Label} is already claimed by another member. If it is yours, ask an admin.");
        }
        var claim = await db.AccountClaims.SingleOrDefaultAsync(c => c.AccountId == account.Id && c.UserId == userId, ct).ConfigureAwait(false);
        if (claim is null)
        {
            claim = new AccountClaimEntity { UserId = userId, AccountId = account.Id, Code = NewCode(), CreatedAtMs = NowMs() };
            db.AccountClaims.Add(claim);
        }
        else if (claim.Status == ClaimStatus.Rejected)
        {
            (claim.Status, claim.Proof, claim.Code, claim.CreatedAtMs, claim.DecidedAtMs) = (ClaimStatus.Pending, ClaimProof.None, NewCode(), NowMs(), null);
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        ConsentChanged();
        return ToInfo(claim, account);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ClaimInfo>> ClaimsOfAsync(string userId, CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var claims = await db.AccountClaims.Where(c => c.UserId == userId).OrderByDescending(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        return await DescribeClaimsAsync(claims, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ClaimInfo>> PendingClaimsAsync(CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var claims = await db.AccountClaims.Where(c => c.Status == ClaimStatus.Pending).OrderBy(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        return await DescribeClaimsAsync(claims, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ClaimInfo?> DecideClaimAsync(long claimId, bool approve, CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var claim = await db.AccountClaims.SingleOrDefaultAsync(c => c.Id == claimId && c.Status == ClaimStatus.Pending, ct).ConfigureAwait(false);
        if (claim is null)
        {
            return null;
        }
        if (approve && await db.AccountClaims.AnyAsync(c => c.AccountId == claim.AccountId && c.Status == ClaimStatus.Verified, ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException("another member already holds this account; reject this claim or erase theirs first.");
        }
        (claim.Status, claim.Proof, claim.DecidedAtMs) = approve
            ? (ClaimStatus.Verified, ClaimProof.AdminApproval, NowMs())
            : (ClaimStatus.Rejected, ClaimProof.None, NowMs());
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        ConsentChanged();
        return (await DescribeClaimsAsync([claim], ct).ConfigureAwait(false)).Single();
    }

    /// <inheritdoc />
    public async Task<int> VerifyPostedCodesAsync(CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        if (!await HasRowAsync($"SELECT 1 FROM account_claims WHERE status = {(int)ClaimStatus.Pending} LIMIT 1", ct).ConfigureAwait(false))
        {
            return 0;
        }
        await using var db = CreateContext();
        var pending = await db.AccountClaims.Where(c => c.Status == ClaimStatus.Pending).ToListAsync(ct).ConfigureAwait(false);
        var verified = 0;
        foreach (var claim in pending)
        {
            var posted = await db.Posts.AnyAsync(p => p.AuthorId == claim.AccountId && p.Text != null && p.Text.Contains(claim.Code), ct).ConfigureAwait(false);
            var taken = await db.AccountClaims.AnyAsync(c => c.AccountId == claim.AccountId && c.Status == ClaimStatus.Verified, ct).ConfigureAwait(false);
            if (posted && !taken)
            {
                (claim.Status, claim.Proof, claim.DecidedAtMs) = (ClaimStatus.Verified, ClaimProof.PostedCode, NowMs());
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                ConsentChanged();
                verified++;
            }
        }
        return verified;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<long, Consent>> ConsentsAsync(IReadOnlyCollection<long> accountIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        if (accountIds.Count == 0)
        {
            return new Dictionary<long, Consent>();
        }
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var result = new Dictionary<long, Consent>();
        if (accountIds.Count > 200)
        {
            // Claimed accounts are few next to the accounts a popular profile lists: read them all and intersect.
            var wanted = accountIds as IReadOnlySet<long> ?? accountIds.ToHashSet();
            var all = await (from c in db.AccountClaims
                             join u in db.Users on c.UserId equals u.Id
                             where c.Status == ClaimStatus.Verified
                             select new Consent(c.AccountId, u.Id, u.UserName ?? "", u.Visibility)).ToListAsync(ct).ConfigureAwait(false);
            return all.Where(c => wanted.Contains(c.AccountId)).ToDictionary(c => c.AccountId);
        }
        foreach (var chunk in accountIds.Distinct().Chunk(500))
        {
            var rows = await (from c in db.AccountClaims
                              join u in db.Users on c.UserId equals u.Id
                              where c.Status == ClaimStatus.Verified && chunk.Contains(c.AccountId)
                              select new Consent(c.AccountId, u.Id, u.UserName ?? "", u.Visibility)).ToListAsync(ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                result[row.AccountId] = row;
            }
        }
        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Consent>> ConsentingAsync(Visibility atLeast, CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        return await (from c in db.AccountClaims
                      join u in db.Users on c.UserId equals u.Id
                      where c.Status == ClaimStatus.Verified && u.Visibility >= atLeast
                      orderby c.AccountId
                      select new Consent(c.AccountId, u.Id, u.UserName ?? "", u.Visibility)).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Visibility> VisibilityOfAsync(string userId, CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Visibility).SingleOrDefaultAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetVisibilityAsync(string userId, Visibility visibility, CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var changed = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Visibility, visibility), ct).ConfigureAwait(false);
        ConsentChanged();
        if (changed == 0)
        {
            throw new ArgumentException($"no member {userId}.", nameof(userId));
        }
    }

    /// <inheritdoc />
    public async Task<int> DisconnectAsync(string userId, string network, CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var networkId = await db.Networks.Where(n => n.Name == network).Select(n => (int?)n.Id).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (networkId is null)
        {
            return 0;
        }
        var accountIds = db.Accounts.Where(a => a.NetworkId == networkId).Select(a => a.Id);
        var removed = await db.AccountClaims.Where(c => c.UserId == userId && accountIds.Contains(c.AccountId)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        // The topics the member hid were their choice as the holder; the accounts are anonymous again, choices and all.
        await db.HiddenTopics.Where(h => h.UserId == userId && accountIds.Contains(h.AccountId)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        ConsentChanged();
        return removed;
    }

    private async Task<IReadOnlyList<ClaimInfo>> DescribeClaimsAsync(IReadOnlyList<AccountClaimEntity> claims, CancellationToken ct)
    {
        var names = await DescribeAccountsAsync([.. claims.Select(c => c.AccountId)], ct).ConfigureAwait(false);
        return [.. claims.Where(c => names.ContainsKey(c.AccountId)).Select(c => ToInfo(c, names[c.AccountId]))];
    }

    private static ClaimInfo ToInfo(AccountClaimEntity c, AccountRef account) =>
        new(c.Id, c.UserId, account, c.Code, c.Status, c.Proof, DateTimeOffset.FromUnixTimeMilliseconds(c.CreatedAtMs),
            c.DecidedAtMs is { } d ? DateTimeOffset.FromUnixTimeMilliseconds(d) : null);

    /// <summary>A one-time code to post from the claimed account: 10 random characters from an unambiguous alphabet.</summary>
    private static string NewCode() =>
        ClaimCodePrefix + RandomNumberGenerator.GetString("23456789ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz", 10);

    private static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
