using Resonance.Application.Scoring;

namespace Resonance.Application.Members;

/// <summary>Builds profiles and score changes for a viewer, applying the consent rule (<see cref="Viewer.MaySee"/>) to
/// the account itself and to every person it lists.</summary>
public sealed class ProfileService(IScoreStore scores, IMemberStore members)
{
    private readonly ExplainService _explain = new(scores);
    private readonly DiffService _diff = new(scores);

    /// <summary>How many named people a list shows at most.</summary>
    public const int ListLength = 10;

    /// <summary>Finds an account (<c>network</c> + id or handle) that the viewer may see; null otherwise, so that
    /// "not claimed", "private" and "no such account" look the same from outside.</summary>
    public async Task<(AccountRef Account, Consent Consent)?> FindVisibleAsync(string network, string idOrHandle, Viewer viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var account = await scores.FindAccountAsync(network, idOrHandle, ct).ConfigureAwait(false);
        if (account is null)
        {
            return null;
        }
        var consents = await members.ConsentsAsync([account.Id], ct).ConfigureAwait(false);
        var consent = consents.GetValueOrDefault(account.Id);
        return viewer.MaySee(consent) ? (account, consent!) : null;
    }

    /// <summary>The profile of an account the viewer may see (see <see cref="FindVisibleAsync"/>).</summary>
    public async Task<Profile> ProfileAsync(AccountRef account, Consent holder, Viewer viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var runs = await RunsCoveringAsync(account, ct).ConfigureAwait(false);
        var history = new List<HistoryPoint>();
        foreach (var run in runs)
        {
            if (await scores.GetScoreAsync(run.Id, account.Id, ct).ConfigureAwait(false) is { } s)
            {
                history.Add(new HistoryPoint(run.Id, run.Algorithm, DateTimeOffset.FromUnixTimeMilliseconds(run.Parameters.AsOfMs), s.Score, s.Low, s.High));
            }
        }
        if (runs.Count == 0)
        {
            return new Profile(account, holder, null, null, 0, Empty, Empty, history);
        }
        var latest = runs[^1];
        var explanation = await _explain.ExplainAsync(latest.Id, account, int.MaxValue, ct).ConfigureAwait(false);
        var raw = explanation.Score?.Raw ?? 0;
        var engagers = await SummariseAsync(explanation.Contributions.Select(c => (c.EngagerId, raw > 0 ? 100 * c.Total / raw : 0)),
            explanation.Names, viewer, ct).ConfigureAwait(false);
        var influencers = await SummariseAsync(explanation.Influencers.Select(c => (c.AccountId, c.Total)),
            explanation.Names, viewer, ct).ConfigureAwait(false);
        return new Profile(account, holder, latest, explanation.Score, explanation.ScoredAccounts, engagers, influencers, history);
    }

    /// <summary>Runs whose network covers the account (its own network, or all networks), oldest first.</summary>
    public async Task<IReadOnlyList<ScoreRunInfo>> RunsCoveringAsync(AccountRef account, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var runs = await scores.ListRunsAsync(ct).ConfigureAwait(false);
        return [.. runs.Where(r => r.Parameters.Network is null || r.Parameters.Network == account.Network)];
    }

    /// <summary>Why the account's score changed from one run to another, with non-consenting engagers grouped.</summary>
    public async Task<ProfileChange> WhyChangedAsync(AccountRef account, long fromRun, long toRun, Viewer viewer, CancellationToken ct = default)
    {
        var diff = await _diff.DiffAsync(account, fromRun, toRun, ct).ConfigureAwait(false);
        var contributors = await SummariseAsync(diff.Contributors.Select(c => (c.EngagerId, c.ScoreChange)), diff.Names, viewer, ct).ConfigureAwait(false);
        return new ProfileChange(diff, contributors);
    }

    private static PeopleSummary<PersonShare> Empty { get; } = new([], []);

    /// <summary>Names the people the viewer may see (up to <see cref="ListLength"/>) and folds everyone else into
    /// per-network groups whose shares add up, so the list still accounts for the whole.</summary>
    private async Task<PeopleSummary<PersonShare>> SummariseAsync(IEnumerable<(long Id, double Share)> items,
        IReadOnlyDictionary<long, AccountRef> names, Viewer viewer, CancellationToken ct)
    {
        var list = items.ToList();
        var consents = await members.ConsentsAsync([.. list.Select(i => i.Id)], ct).ConfigureAwait(false);
        var named = new List<PersonShare>();
        var hidden = new Dictionary<string, (int Count, double Share)>(StringComparer.Ordinal);
        foreach (var (id, share) in list)
        {
            if (!names.TryGetValue(id, out var account))
            {
                continue;
            }
            var consent = consents.GetValueOrDefault(id);
            if (named.Count < ListLength && viewer.MaySee(consent))
            {
                named.Add(new PersonShare(account, consent!.UserName, share));
            }
            else
            {
                var (count, sum) = hidden.GetValueOrDefault(account.Network);
                hidden[account.Network] = (count + 1, sum + share);
            }
        }
        var groups = hidden.Select(h => new AnonymousGroup(h.Key, h.Value.Count, h.Value.Share))
            .OrderByDescending(g => g.Accounts).ThenBy(g => g.Network, StringComparer.Ordinal).ToList();
        return new PeopleSummary<PersonShare>(named, groups);
    }
}
