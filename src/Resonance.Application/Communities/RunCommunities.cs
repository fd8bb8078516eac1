using Resonance.Application.Members;
using Resonance.Application.Scoring;

namespace Resonance.Application.Communities;

/// <summary>What a run's communities are, read once: the communities, every scored account's standing and each
/// community's top topics. A run is immutable, so this never goes stale and can be kept for the run's lifetime.</summary>
/// <param name="Run">The run.</param>
/// <param name="Communities">Its communities by id (empty when the run has none).</param>
/// <param name="Standings">Every scored account's standing, by account id.</param>
/// <param name="TopTopics">Each community's top topics (communities without any are absent).</param>
public sealed record RunCommunities(ScoreRunInfo Run, IReadOnlyDictionary<int, CommunitySummary> Communities,
    IReadOnlyDictionary<long, CommunityStanding> Standings, IReadOnlyDictionary<int, IReadOnlyList<string>> TopTopics)
{
    /// <summary>Reads the run's communities through <paramref name="service"/>'s store: three queries and, when the run's
    /// posts carry text, the topic corpus.</summary>
    public static async Task<RunCommunities> LoadAsync(ICommunityStore store, CommunityService service, ScoreRunInfo run, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(run);
        var communities = await store.CommunitiesAsync(run.Id, ct).ConfigureAwait(false);
        if (communities.Count == 0)
        {
            return new RunCommunities(run, new Dictionary<int, CommunitySummary>(), new Dictionary<long, CommunityStanding>(), new Dictionary<int, IReadOnlyList<string>>());
        }
        var standings = await store.AllCommunityStandingsAsync(run.Id, ct).ConfigureAwait(false);
        return new RunCommunities(run, communities.ToDictionary(c => c.Id), standings.ToDictionary(s => s.AccountId),
            await service.TopTopicsAsync(run, ct).ConfigureAwait(false));
    }

    /// <summary>The label of every community for <paramref name="viewer"/>, largest first.</summary>
    public IReadOnlyList<(CommunitySummary Community, CommunityLabel Label)> Labels(CommunityNameSource names, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(names);
        var labels = names.Labels(Communities.Values, TopTopics, viewer);
        return [.. Communities.Values.OrderBy(c => c.Id).Select(c => (c, labels[c.Id]))];
    }

    /// <summary>The placement of <paramref name="score"/>'s account (scored in this run) for <paramref name="viewer"/>,
    /// or null when it has no community here.</summary>
    public CommunityPlacement? Placement(AccountScore score, CommunityNameSource names, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(names);
        if (!Standings.TryGetValue(score.AccountId, out var standing) || !Communities.TryGetValue(standing.Community, out var community))
        {
            return null;
        }
        var label = names.Labels([community], TopTopics, viewer)[community.Id];
        return CommunityPlacement.Of(Run, score, community, standing, label);
    }
}

/// <summary>The members a label may name from: the run's claimed and verified accounts with their holders' consent as it
/// is now and their names. Which of them a label names depends on the viewer (<see cref="Viewer.MaySee"/>), so one
/// source serves every viewer until consent changes.</summary>
/// <param name="Claimed">The claimed accounts' standings, with their consents.</param>
/// <param name="Names">Their names, by account id.</param>
public sealed record CommunityNameSource(IReadOnlyList<(CommunityStanding Standing, Consent Consent)> Claimed, IReadOnlyDictionary<long, AccountRef> Names)
{
    /// <summary>Reads the run's claimed standings (one plain query) and their names.</summary>
    public static async Task<CommunityNameSource> LoadAsync(ICommunityStore communities, IScoreStore scores, long runId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(communities);
        ArgumentNullException.ThrowIfNull(scores);
        var claimed = (await communities.ClaimedStandingsAsync(runId, ct).ConfigureAwait(false)).DistinctBy(c => c.Standing.AccountId).ToList();
        var names = claimed.Count == 0 ? new Dictionary<long, AccountRef>()
            : await scores.DescribeAccountsAsync([.. claimed.Select(c => c.Standing.AccountId)], ct).ConfigureAwait(false);
        return new CommunityNameSource(claimed, names);
    }

    /// <summary>The labels of <paramref name="shown"/> for <paramref name="viewer"/>, naming only members the viewer may see.</summary>
    public Dictionary<int, CommunityLabel> Labels(IEnumerable<CommunitySummary> shown, IReadOnlyDictionary<int, IReadOnlyList<string>> topTopics, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(topTopics);
        ArgumentNullException.ThrowIfNull(viewer);
        var consents = Claimed.ToDictionary(c => c.Standing.AccountId, c => c.Consent);
        var central = CommunityLabels.CentralNames(Claimed.Select(c => c.Standing), consents, Names, viewer);
        return shown.ToDictionary(c => c.Id, c => CommunityLabels.Compose(c, topTopics.GetValueOrDefault(c.Id, []), central.GetValueOrDefault(c.Id, [])));
    }
}
