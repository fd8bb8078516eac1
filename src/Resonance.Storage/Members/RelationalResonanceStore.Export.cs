using Microsoft.EntityFrameworkCore;
using Resonance.Application.Members;
using Resonance.Domain;
using Resonance.Storage.Entities;

namespace Resonance.Storage;

/// <summary>The personal-data download: everything held about a member and their verified accounts.</summary>
public abstract partial class RelationalResonanceStore
{
    /// <inheritdoc />
    public async Task<PersonalData> ExportAsync(string userId, CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct).ConfigureAwait(false)
            ?? throw new ArgumentException($"no member {userId}.", nameof(userId));
        var claims = await ClaimsOfAsync(userId, ct).ConfigureAwait(false);
        var accounts = new List<PersonalAccountData>();
        foreach (var claim in claims.Where(c => c.Status == ClaimStatus.Verified))
        {
            var id = claim.Account.Id;
            var displayName = await db.Accounts.Where(a => a.Id == id).Select(a => a.DisplayName).SingleOrDefaultAsync(ct).ConfigureAwait(false);
            var posts = await db.Posts.Where(p => p.AuthorId == id).OrderBy(p => p.CreatedAtMs).ThenBy(p => p.Id).ToListAsync(ct).ConfigureAwait(false);
            var interactions = await db.Interactions.Where(i => i.ActorId == id || i.TargetId == id)
                .OrderBy(i => i.OccurredAtMs).ToListAsync(ct).ConfigureAwait(false);
            var counterparts = interactions.Select(i => i.ActorId == id ? i.TargetId : i.ActorId).Distinct().ToList();
            var consents = await ConsentsAsync(counterparts, ct).ConfigureAwait(false);
            var names = await DescribeAccountsAsync([.. consents.Keys.Where(k => consents[k].Visibility != Visibility.Private)], ct).ConfigureAwait(false);
            var scores = await (from s in db.AccountScores
                                join r in db.ScoreRuns on s.RunId equals r.Id
                                where s.AccountId == id
                                orderby s.RunId
                                select new { s, r.Algorithm, r.FinishedAt }).ToListAsync(ct).ConfigureAwait(false);
            accounts.Add(new PersonalAccountData(claim.Account, displayName,
                [.. posts.Select(ToPersonal)],
                [.. interactions.Select(i => ToPersonal(i, id, names))],
                [.. scores.Select(x => new PersonalScore(x.s.RunId, x.Algorithm, x.FinishedAt,
                    x.s.Score, x.s.Low, x.s.High, x.s.Rank, x.s.Reach, x.s.Amplification, x.s.Impact))]));
        }
        var hidden = await db.HiddenTopics.Where(h => h.UserId == userId).ToListAsync(ct).ConfigureAwait(false);
        return new PersonalData(user.UserName ?? "", user.Email, Visibilities.Name(user.Visibility),
            DateTimeOffset.FromUnixTimeMilliseconds(user.CreatedAtMs), claims, accounts)
        {
            HiddenTopics = [.. hidden.OrderBy(h => h.AccountId).ThenBy(h => h.Topic, StringComparer.Ordinal).Select(ToRejection)],
        };
    }

    private static PersonalPost ToPersonal(PostEntity p) =>
        new(p.ExternalId, DateTimeOffset.FromUnixTimeMilliseconds(p.CreatedAtMs), p.Text,
            p.Hashtags is { Length: > 0 } tags ? tags.Split(' ') : [], p.ReplyTo, p.QuoteOf, p.RepostOf);

    private static PersonalInteraction ToPersonal(InteractionEntity i, long self, IReadOnlyDictionary<long, Application.Scoring.AccountRef> names)
    {
        var made = i.ActorId == self;
        var other = made ? i.TargetId : i.ActorId;
        return new PersonalInteraction(made ? "made" : "received", InteractionKinds.Name((InteractionKind)i.Kind),
            i.OccurredAtMs == InteractionEntity.Untimed ? null : DateTimeOffset.FromUnixTimeMilliseconds(i.OccurredAtMs),
            names.TryGetValue(other, out var name) ? name.Label : "anonymous", i.PostKey.Length == 0 ? null : i.PostKey, i.Weight);
    }
}
