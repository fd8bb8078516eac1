using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Resonance.Application.Members;
using Resonance.Storage.Members;

namespace Resonance.Storage;

/// <summary>Opt-out: erase a member and everything about their verified accounts, keeping only salted tombstones.</summary>
public abstract partial class RelationalResonanceStore
{
    private const string TombstoneSaltSetting = "tombstone_salt";
    private const string ErasedHandle = "@[erased]";

    /// <inheritdoc />
    public async Task<ErasedAccounts> LoadErasedAccountsAsync(CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        if (!await HasRowAsync("SELECT 1 FROM tombstones LIMIT 1", ct).ConfigureAwait(false))
        {
            return ErasedAccounts.None;
        }
        await using var db = CreateContext();
        var hashes = await db.Tombstones.Select(t => t.Hash).ToListAsync(ct).ConfigureAwait(false);
        if (hashes.Count == 0)
        {
            return ErasedAccounts.None;
        }
        return new ErasedAccounts(await SaltAsync(db, ct).ConfigureAwait(false), hashes);
    }

    /// <inheritdoc />
    public async Task<ErasureReport> EraseMemberAsync(string userId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        await BeforeErasureAsync(db.Database.GetDbConnection(), ct).ConfigureAwait(false);
        ErasureReport report;
        await using (var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            var salt = await SaltAsync(db, ct).ConfigureAwait(false);
            var accountIds = await db.AccountClaims.Where(c => c.UserId == userId && c.Status == ClaimStatus.Verified)
                .Select(c => c.AccountId).ToListAsync(ct).ConfigureAwait(false);
            var accounts = await (from a in db.Accounts
                                  join n in db.Networks on a.NetworkId equals n.Id
                                  where accountIds.Contains(a.Id)
                                  select new { a.Id, a.NetworkId, Network = n.Name, a.ExternalId, a.Handle }).ToListAsync(ct).ConfigureAwait(false);

            long interactions = 0, posts = 0, reposts = 0, mentions = 0;
            foreach (var account in accounts)
            {
                var postIds = await db.Posts.Where(p => p.AuthorId == account.Id).Select(p => p.ExternalId).ToListAsync(ct).ConfigureAwait(false);
                foreach (var chunk in postIds.Chunk(500))
                {
                    reposts += await db.Posts.Where(p => p.NetworkId == account.NetworkId && p.RepostOf != null && chunk.Contains(p.RepostOf))
                        .ExecuteDeleteAsync(ct).ConfigureAwait(false);
                    await db.Posts.Where(p => p.NetworkId == account.NetworkId && p.ReplyTo != null && chunk.Contains(p.ReplyTo))
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReplyTo, (string?)null), ct).ConfigureAwait(false);
                    await db.Posts.Where(p => p.NetworkId == account.NetworkId && p.QuoteOf != null && chunk.Contains(p.QuoteOf))
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.QuoteOf, (string?)null), ct).ConfigureAwait(false);
                }
                interactions += await db.Interactions.Where(i => i.ActorId == account.Id || i.TargetId == account.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                posts += await db.Posts.Where(p => p.AuthorId == account.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                if (account.Handle is { Length: > 0 } handle)
                {
                    var mention = handle.StartsWith('@') ? handle : "@" + handle;
                    mentions += await db.Posts.Where(p => p.NetworkId == account.NetworkId && p.Text != null && p.Text.Contains(mention))
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.Text, p => p.Text!.Replace(mention, ErasedHandle)), ct).ConfigureAwait(false);
                }
                db.Tombstones.Add(new TombstoneEntity { Hash = ErasedAccounts.Hash(salt, account.Network, account.ExternalId), ErasedAtMs = NowMs() });
                foreach (var postId in postIds.Distinct())
                {
                    db.Tombstones.Add(new TombstoneEntity { Hash = ErasedAccounts.PostHash(salt, account.Network, postId), ErasedAtMs = NowMs() });
                }
            }
            var contributions = await db.ScoreContributions.Where(c => accountIds.Contains(c.AccountId) || accountIds.Contains(c.EngagerId))
                .ExecuteDeleteAsync(ct).ConfigureAwait(false);
            var scores = await db.AccountScores.Where(s => accountIds.Contains(s.AccountId)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.CommunityMembers.Where(m => accountIds.Contains(m.AccountId)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            // The runs' topic scores with their counts (topic contributions and evidence are derived on read, from the rows erased above).
            await db.TopicScores.Where(s => accountIds.Contains(s.AccountId)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.Accounts.Where(a => accountIds.Contains(a.Id)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.HiddenTopics.Where(h => h.UserId == userId || accountIds.Contains(h.AccountId)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            var claims = await db.AccountClaims.Where(c => c.UserId == userId || accountIds.Contains(c.AccountId)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.Invitations.Where(i => i.ToUserId == userId || i.FromUserId == userId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.ApiTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.UserClaims.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.UserLogins.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.UserTokens.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            ConsentChanged();
            report = new ErasureReport([.. accounts.Select(a => $"{a.Network}:{a.Handle ?? a.ExternalId}")],
                interactions, posts, scores, contributions, claims, mentions, reposts);
        }
        await AfterErasureAsync(db.Database.GetDbConnection(), ct).ConfigureAwait(false);
        return report;
    }

    /// <summary>Provider hook before the erasure transaction (SQLite: overwrite deleted content with zeros).</summary>
    private protected virtual Task BeforeErasureAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Provider hook after the erasure committed (SQLite: fold the write-ahead log into the file and empty it).</summary>
    private protected virtual Task AfterErasureAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The instance's tombstone salt, created (32 random bytes) on first use.</summary>
    private static async Task<byte[]> SaltAsync(ResonanceDbContext db, CancellationToken ct)
    {
        var stored = await db.InstanceSettings.Where(s => s.Name == TombstoneSaltSetting).Select(s => s.Value).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (stored is not null)
        {
            return Convert.FromBase64String(stored);
        }
        var salt = RandomNumberGenerator.GetBytes(32);
        db.InstanceSettings.Add(new InstanceSettingEntity { Name = TombstoneSaltSetting, Value = Convert.ToBase64String(salt) });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return salt;
    }
}
