using Resonance.Application.Scoring;

namespace Resonance.Application.Members;

/// <summary>Builds profiles and score changes for a viewer, applying the consent rule (<see cref="Viewer.MaySee"/>) to
/// the account itself and to every person it lists.</summary>
public sealed class ProfileService(IScoreStore scores, IMemberStore members)
{
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
        var score = await scores.GetScoreAsync(latest.Id, account.Id, ct).ConfigureAwait(false);
        // Only people who consented can be named; everyone else is counted. Interactions never cross networks, so the
        // counted ones are all on the account's own network.
        var visible = (await members.ConsentingAsync(Visibility.Private, ct).ConfigureAwait(false)).Where(viewer.MaySee).ToList();
        var visibleIds = visible.Select(c => c.AccountId).ToList();
        var received = await scores.SummariseContributionsAsync(latest.Id, account.Id, received: true, visibleIds, ct).ConfigureAwait(false);
        var made = await scores.SummariseContributionsAsync(latest.Id, account.Id, received: false, visibleIds, ct).ConfigureAwait(false);
        var raw = score?.Raw ?? 0;
        double Percent(double v) => raw > 0 ? 100 * v / raw : 0;
        var engagers = await NameAsync(received, c => c.EngagerId, Percent, account.Network, visible, ct).ConfigureAwait(false);
        var influencers = await NameAsync(made, c => c.AccountId, v => v, account.Network, visible, ct).ConfigureAwait(false);
        return new Profile(account, holder, latest, score, latest.AccountsScored, engagers, influencers, history);
    }

    /// <summary>The consenting people of a summary by name (up to <see cref="ListLength"/>), the rest as one count.</summary>
    private async Task<PeopleSummary<PersonShare>> NameAsync(ContributionSummary summary, Func<ScoreContribution, long> other,
        Func<double, double> share, string network, IReadOnlyList<Consent> visible, CancellationToken ct)
    {
        var shown = summary.Selected.Take(ListLength).ToList();
        var names = await scores.DescribeAccountsAsync([.. shown.Select(other)], ct).ConfigureAwait(false);
        var users = visible.ToDictionary(c => c.AccountId, c => c.UserName);
        var named = shown.Where(c => names.ContainsKey(other(c)))
            .Select(c => new PersonShare(names[other(c)], users[other(c)], share(c.Total))).ToList();
        var hiddenCount = summary.Count - named.Count;
        var hiddenTotal = summary.Total - shown.Where(c => names.ContainsKey(other(c))).Sum(c => c.Total);
        IReadOnlyList<AnonymousGroup> groups = hiddenCount == 0 ? [] : [new AnonymousGroup(network, hiddenCount, share(hiddenTotal))];
        return new PeopleSummary<PersonShare>(named, groups);
    }

    /// <summary>Runs whose network covers the account (its own network, or all networks), oldest first.</summary>
    public async Task<IReadOnlyList<ScoreRunInfo>> RunsCoveringAsync(AccountRef account, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var runs = await scores.ListRunsAsync(ct).ConfigureAwait(false);
        return [.. runs.Where(r => r.Covers(account.Network))];
    }

    /// <summary>Why the account's score changed from one run to another, with non-consenting engagers grouped.</summary>
    public async Task<ProfileChange> WhyChangedAsync(AccountRef account, long fromRun, long toRun, Viewer viewer, CancellationToken ct = default)
    {
        var diff = await _diff.DiffAsync(account, fromRun, toRun, ct).ConfigureAwait(false);
        var contributors = await SummariseAsync(diff.Contributors.Select(c => (c.EngagerId, c.ScoreChange)), account.Network, viewer, ct).ConfigureAwait(false);
        return new ProfileChange(diff, contributors);
    }

    private static PeopleSummary<PersonShare> Empty { get; } = new([], []);

    /// <summary>Names the people the viewer may see (up to <see cref="ListLength"/>) and folds everyone else into a count
    /// on <paramref name="network"/> whose share adds up, so the list still accounts for the whole.</summary>
    private async Task<PeopleSummary<PersonShare>> SummariseAsync(IEnumerable<(long Id, double Share)> items, string network,
        Viewer viewer, CancellationToken ct)
    {
        var list = items.ToList();
        var consents = await members.ConsentsAsync([.. list.Select(i => i.Id)], ct).ConfigureAwait(false);
        var shown = list.Where(i => viewer.MaySee(consents.GetValueOrDefault(i.Id))).Take(ListLength).ToList();
        var names = await scores.DescribeAccountsAsync([.. shown.Select(i => i.Id)], ct).ConfigureAwait(false);
        var named = shown.Where(i => names.ContainsKey(i.Id)).Select(i => new PersonShare(names[i.Id], consents[i.Id].UserName, i.Share)).ToList();
        var namedIds = named.Select(n => n.Account.Id).ToHashSet();
        var hidden = list.Where(i => !namedIds.Contains(i.Id)).ToList();
        IReadOnlyList<AnonymousGroup> groups = hidden.Count == 0 ? [] : [new AnonymousGroup(network, hidden.Count, hidden.Sum(i => i.Share))];
        return new PeopleSummary<PersonShare>(named, groups);
    }
}
