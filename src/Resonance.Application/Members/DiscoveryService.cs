using Resonance.Application.Communities;
using Resonance.Application.Insights;
using Resonance.Application.Integrity;
using Resonance.Application.Scoring;

namespace Resonance.Application.Members;

/// <summary>What a marketer searches for. Every filter is optional; <see cref="Sort"/> is <c>score</c> (highest
/// first, the default), <c>name</c> or <c>low</c> (highest lower bound first: the most certain voices).</summary>
public sealed record DiscoveryQuery(string? Network = null, double? MinScore = null, double? MaxScore = null, string? Name = null,
    string Sort = "score", int Page = 1, int PageSize = 20)
{
    /// <summary>Only members with this topic (shown on their profile: not hidden by them), for example <c>cooking</c>.</summary>
    public string? Topic { get; init; }

    /// <summary>Only members whose audience quality (the share of likely-authentic engagers, in percent) is at least this.</summary>
    public double? MinAudienceQuality { get; init; }

    /// <summary>Only members in this community of the latest run (<see cref="CommunitySummary.Id"/>).</summary>
    public int? Community { get; init; }

    /// <summary>The sort orders accepted.</summary>
    public static IReadOnlyList<string> Sorts { get; } = ["score", "low", "name"];

    /// <summary>Problems with the query, by field (empty when valid).</summary>
    public Dictionary<string, string[]> Problems()
    {
        var errors = new Dictionary<string, string[]>();
        if (MinScore is < 1 or > 100) { errors["minScore"] = ["minScore must be between 1 and 100."]; }
        if (MaxScore is < 1 or > 100) { errors["maxScore"] = ["maxScore must be between 1 and 100."]; }
        if (MinScore > MaxScore) { errors["maxScore"] = ["maxScore must not be below minScore."]; }
        if (MinAudienceQuality is < 0 or > 100) { errors["minAudienceQuality"] = ["minAudienceQuality must be a percentage between 0 and 100."]; }
        if (Community is < 1) { errors["community"] = ["community must be a community id of the latest run (1 or more)."]; }
        if (!Sorts.Contains(Sort)) { errors["sort"] = [$"sort must be one of {string.Join(", ", Sorts)}."]; }
        if (Page < 1) { errors["page"] = ["page must be 1 or more."]; }
        if (PageSize is < 1 or > 200) { errors["pageSize"] = ["pageSize must be between 1 and 200."]; }
        return errors;
    }
}

/// <summary>A discoverable member's account with its latest score (null when it has none yet).</summary>
public sealed record DiscoveredMember(string Name, AccountRef Account, double? Score, double? Low, double? High, long? RunId)
{
    /// <summary>Its audience quality in the latest run (set by discovery; null when unknown).</summary>
    public AudienceQuality? Audience { get; init; }

    /// <summary>Its top topics, most engaged first, hidden ones left out (set by discovery).</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Its community in the latest run (set by discovery; null when that run has none or did not score it).</summary>
    public int? Community { get; init; }
}

/// <summary>One page of results and how many there are in all.</summary>
public sealed record DiscoveryPage(IReadOnlyList<DiscoveredMember> Items, int Total, DiscoveryQuery Query);

/// <summary>Search over members who chose <see cref="Visibility.Discoverable"/>: nobody else is ever in the results.
/// Filters by network, score range, name, topic (one the member has not hidden), minimum audience quality and community
/// (of the latest run).</summary>
public sealed class DiscoveryService(IScoreStore scores, IMemberStore members, InsightService insights, IRunCommunitiesSource? communities = null)
{
    /// <summary>Runs the query: every match, sorted, then the requested page.</summary>
    public async Task<DiscoveryPage> SearchAsync(DiscoveryQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var all = await MatchesAsync(query, ct).ConfigureAwait(false);
        return new DiscoveryPage([.. all.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], all.Count, query);
    }

    /// <summary>Every match, sorted (for CSV export).</summary>
    public async Task<IReadOnlyList<DiscoveredMember>> MatchesAsync(DiscoveryQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var consents = await members.ConsentingAsync(Visibility.Discoverable, ct).ConfigureAwait(false);
        var found = (await new MemberScores(scores).LatestAsync(consents, ct).ConfigureAwait(false))
            .Select(x => x.Member)
            .Where(m => (query.Network is not { Length: > 0 } n || m.Account.Network == n)
                && (query.Name is not { Length: > 0 } q || m.Name.Contains(q, StringComparison.OrdinalIgnoreCase))
                && (query.MinScore is not { } min || (m.Score ?? 0) >= min)
                && (query.MaxScore is not { } max || (m.Score ?? 0) <= max))
            .ToList();
        var insight = await insights.ForManyAsync([.. found.Select(m => m.Account)], ct).ConfigureAwait(false);
        var latest = communities is null ? null : await communities.LatestAsync(ct).ConfigureAwait(false);
        found = [.. found.Select(m => insight.GetValueOrDefault(m.Account.Id) is { } i
                ? m with { Audience = i.Audience, Topics = [.. i.Topics.Select(t => t.Topic)] }
                : m)
            .Select(m => latest?.Standings.GetValueOrDefault(m.Account.Id) is { } s ? m with { Community = s.Community } : m)
            .Where(m => (query.Community is not { } c || m.Community == c)
                && (query.Topic is not { Length: > 0 } topic || m.Topics.Contains(topic.Trim().ToLowerInvariant()))
                && (query.MinAudienceQuality is not { } minQuality || (m.Audience is { } a && a.Share * 100 >= minQuality - 1e-9)))];
        IOrderedEnumerable<DiscoveredMember> sorted = query.Sort switch
        {
            "name" => found.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase),
            "low" => found.OrderByDescending(m => m.Low ?? 0),
            _ => found.OrderByDescending(m => m.Score ?? 0),
        };
        return [.. sorted.ThenBy(m => m.Account.Label, StringComparer.Ordinal)];
    }
}
