using Microsoft.EntityFrameworkCore;
using Resonance.Application.Members;
using Resonance.Application.Topics;
using Resonance.Storage.Members;

namespace Resonance.Storage;

/// <summary>Hidden (rejected) topics: table <c>hidden_topics</c>, one row per account and topic.</summary>
public abstract partial class RelationalResonanceStore : ITopicPreferences
{
    private const char TermSeparator = ',';

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<long, IReadOnlySet<string>>> HiddenTopicsAsync(IReadOnlyCollection<long> accountIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var result = new Dictionary<long, IReadOnlySet<string>>();
        if (accountIds.Count == 0)
        {
            return result;
        }
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        foreach (var chunk in accountIds.Distinct().Chunk(500))
        {
            var rows = await db.HiddenTopics.Where(h => chunk.Contains(h.AccountId)).Select(h => new { h.AccountId, h.Topic }).ToListAsync(ct).ConfigureAwait(false);
            foreach (var g in rows.GroupBy(r => r.AccountId))
            {
                result[g.Key] = g.Select(r => r.Topic).ToHashSet(StringComparer.Ordinal);
            }
        }
        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TopicRejection>> RejectionsAsync(long accountId, CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var rows = await db.HiddenTopics.Where(h => h.AccountId == accountId).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.OrderByDescending(h => h.HiddenAtMs).ThenBy(h => h.Topic, StringComparer.Ordinal).Select(ToRejection)];
    }

    /// <inheritdoc />
    public async Task HideTopicAsync(string userId, long accountId, string topic, IReadOnlyList<string> terms, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(terms);
        await using var db = CreateContext();
        await EnsureHolderAsync(db, userId, accountId, ct).ConfigureAwait(false);
        if (await db.HiddenTopics.AnyAsync(h => h.AccountId == accountId && h.Topic == topic, ct).ConfigureAwait(false))
        {
            return;
        }
        db.HiddenTopics.Add(new HiddenTopicEntity
        {
            AccountId = accountId, Topic = topic, UserId = userId, HiddenAtMs = NowMs(),
            Terms = string.Join(TermSeparator, terms.Select(t => t.Replace(TermSeparator, ' '))),
        });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        ConsentChanged();
    }

    /// <inheritdoc />
    public async Task<bool> ShowTopicAsync(string userId, long accountId, string topic, CancellationToken ct = default)
    {
        await using var db = CreateContext();
        await EnsureHolderAsync(db, userId, accountId, ct).ConfigureAwait(false);
        var removed = await db.HiddenTopics.Where(h => h.AccountId == accountId && h.Topic == topic).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        ConsentChanged();
        return removed > 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TopicRejectionSummary>> RejectionSummaryAsync(CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var db = CreateContext();
        var rows = await db.HiddenTopics.Select(h => new { h.Topic, h.Terms }).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.GroupBy(r => r.Topic, StringComparer.Ordinal)
            .Select(g => new TopicRejectionSummary(g.Key, g.Count(), [.. g.SelectMany(r => SplitTerms(r.Terms))
                .GroupBy(t => t, StringComparer.Ordinal)
                .Select(t => new TopicTermCount(t.Key, t.Count()))
                .OrderByDescending(t => t.Accounts).ThenBy(t => t.Term, StringComparer.Ordinal)]))
            .OrderByDescending(s => s.Accounts).ThenBy(s => s.Topic, StringComparer.Ordinal)];
    }

    private async Task EnsureHolderAsync(ResonanceDbContext db, string userId, long accountId, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        if (!await db.AccountClaims.AnyAsync(c => c.UserId == userId && c.AccountId == accountId && c.Status == ClaimStatus.Verified, ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException("only the account's verified holder may hide or show its topics.");
        }
    }

    private static string[] SplitTerms(string terms) => terms.Split(TermSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static TopicRejection ToRejection(HiddenTopicEntity h) =>
        new(h.AccountId, h.Topic, SplitTerms(h.Terms), DateTimeOffset.FromUnixTimeMilliseconds(h.HiddenAtMs));
}
