using System.Globalization;
using Resonance.Application.Members;
using Resonance.Application.Scoring;

namespace Resonance.Application.Communities;

/// <summary>A community's readable label and what it is made of.</summary>
/// <param name="Text">For example <c>Community 12, around mastodon:@ada and mastodon:@bo (3,400 accounts; top topics jazz, cooking)</c>,
/// or without names <c>Community 12 (3,400 accounts; top topics jazz, cooking)</c>.</param>
/// <param name="Topics">The community's top topics (empty when the run's posts carry none).</param>
/// <param name="Named">The consenting members the label names, most central first (at most <see cref="CommunityLabels.MaxNamed"/>).</param>
public sealed record CommunityLabel(string Text, IReadOnlyList<string> Topics, IReadOnlyList<string> Named);

/// <summary>Builds community labels. A label names only members whose consent lets the viewer see them
/// (<see cref="Viewer.MaySee"/>); everyone else stays out of it, so a community without a consenting member gets the
/// neutral label "Community N (size; top topics …)".</summary>
public static class CommunityLabels
{
    /// <summary>At most this many members are named in a label.</summary>
    public const int MaxNamed = 2;

    /// <summary>A signed-in viewer who holds none of the accounts: who the operator's CLI labels communities for, so that a
    /// label names only members visible to every signed-in user of the instance.</summary>
    public static Viewer SignedInReader { get; } = new("resonance:community-labels");

    /// <summary>The label of <paramref name="community"/>.</summary>
    /// <param name="community">The community.</param>
    /// <param name="topics">Its top topics, or empty.</param>
    /// <param name="named">The names of its most central members that the viewer may see, most central first.</param>
    public static CommunityLabel Compose(CommunitySummary community, IReadOnlyList<string> topics, IReadOnlyList<string> named)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(named);
        var names = named.Take(MaxNamed).ToArray();
        var around = names.Length == 0 ? "" : ", around " + string.Join(" and ", names);
        var about = topics.Count == 0 ? "" : "; top topics " + string.Join(", ", topics);
        var text = string.Create(CultureInfo.InvariantCulture, $"Community {community.Id}{around} ({community.Size:N0} accounts{about})");
        return new CommunityLabel(text, topics, names);
    }

    /// <summary>Per community, the names of the most central members <paramref name="viewer"/> may see (by centrality,
    /// descending, ties by account id), at most <see cref="MaxNamed"/> each.</summary>
    /// <param name="standings">The standings of the members who gave any consent (others are never looked at).</param>
    /// <param name="consents">Their consents, by account id.</param>
    /// <param name="names">Their account names.</param>
    /// <param name="viewer">Who will read the labels.</param>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> CentralNames(IEnumerable<CommunityStanding> standings,
        IReadOnlyDictionary<long, Consent> consents, IReadOnlyDictionary<long, AccountRef> names, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(standings);
        ArgumentNullException.ThrowIfNull(consents);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(viewer);
        return standings
            .Where(s => viewer.MaySee(consents.GetValueOrDefault(s.AccountId)) && names.ContainsKey(s.AccountId))
            .GroupBy(s => s.Community)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.OrderByDescending(s => s.Centrality).ThenBy(s => s.AccountId)
                .Take(MaxNamed).Select(s => names[s.AccountId].Label)]);
    }
}
