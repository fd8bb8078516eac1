using Resonance.Application.Members;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;

namespace Resonance.Application.Communities;

/// <summary>A community as listed: its summary, its label and its first members by community rank.</summary>
public sealed record CommunityView(CommunitySummary Community, CommunityLabel Label, IReadOnlyList<CommunityStanding> TopMembers);

/// <summary>Reads a run's communities and labels them for a viewer.</summary>
/// <remarks>Sizes, ranks and centralities are saved with the run. Labels are composed when read: names from the
/// members' consent as it is now (a member who withdraws consent leaves every label at once), topics from the topics
/// stored with the run (<paramref name="runTopics"/>), so they never change afterwards, or, for a run saved without them
/// (or read with another taxonomy than the one it stored, when <paramref name="taxonomyGiven"/>), recomputed from the
/// run's window with <paramref name="taxonomy"/> (docs/topics.md, docs/communities.md).</remarks>
/// <param name="communities">The run's communities.</param>
/// <param name="scores">The runs.</param>
/// <param name="topics">The posts and interactions, for recomputing topics; null to leave topics out of labels.</param>
/// <param name="taxonomy">The taxonomy for recomputing; null to leave topics out of labels.</param>
/// <param name="runTopics">The topics stored with runs; null to always recompute.</param>
/// <param name="taxonomyGiven">True when the operator gave taxonomy files (as for <see cref="TopicService"/>).</param>
public sealed class CommunityService(ICommunityStore communities, IScoreStore scores, ITopicStore? topics, TopicTaxonomy? taxonomy,
    IRunTopicStore? runTopics = null, bool taxonomyGiven = false)
{
    /// <summary>The run's first <paramref name="count"/> communities (largest first) with labels and up to
    /// <paramref name="membersEach"/> top members each; empty when the run has no communities.</summary>
    public async Task<IReadOnlyList<CommunityView>> ListAsync(ScoreRunInfo run, int count, int membersEach, Viewer viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var all = await communities.CommunitiesAsync(run.Id, ct).ConfigureAwait(false);
        var shown = all.Take(count).ToArray();
        var labels = await LabelsAsync(run, shown, viewer, ct).ConfigureAwait(false);
        var views = new List<CommunityView>(shown.Length);
        foreach (var c in shown)
        {
            var top = membersEach > 0 ? await communities.CommunityMembersAsync(run.Id, c.Id, membersEach, ct).ConfigureAwait(false) : [];
            views.Add(new CommunityView(c, labels[c.Id], top));
        }

        return views;
    }

    /// <summary>One community with its label; throws <see cref="ArgumentException"/> when the run has no such community.</summary>
    public async Task<CommunityView> GetAsync(ScoreRunInfo run, int community, int membersEach, Viewer viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var all = await communities.CommunitiesAsync(run.Id, ct).ConfigureAwait(false);
        if (all.Count == 0)
        {
            throw new ArgumentException($"run {run.Id} has no communities; runs scored with --no-communities or before communities existed have none.");
        }

        var c = all.FirstOrDefault(x => x.Id == community)
            ?? throw new ArgumentException($"run {run.Id} has no community {community}; its communities are 1–{all.Count}.");
        var labels = await LabelsAsync(run, [c], viewer, ct).ConfigureAwait(false);
        return new CommunityView(c, labels[c.Id], await communities.CommunityMembersAsync(run.Id, c.Id, membersEach, ct).ConfigureAwait(false));
    }

    /// <summary>The account's community standing beside its global one, or null when it has none in the run.</summary>
    public async Task<CommunityPlacement?> PlacementAsync(ScoreRunInfo run, AccountScore score, Viewer viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(score);
        var standing = (await communities.CommunityStandingsAsync(run.Id, [score.AccountId], ct).ConfigureAwait(false)).FirstOrDefault();
        if (standing is null)
        {
            return null;
        }

        var community = (await communities.CommunitiesAsync(run.Id, ct).ConfigureAwait(false)).First(c => c.Id == standing.Community);
        var label = (await LabelsAsync(run, [community], viewer, ct).ConfigureAwait(false))[community.Id];
        return CommunityPlacement.Of(run, score, community, standing, label);
    }

    private async Task<Dictionary<int, CommunityLabel>> LabelsAsync(ScoreRunInfo run, IReadOnlyList<CommunitySummary> shown, Viewer viewer, CancellationToken ct)
    {
        var names = await CommunityNameSource.LoadAsync(communities, scores, run.Id, ct).ConfigureAwait(false);
        return names.Labels(shown, await TopTopicsAsync(run, ct).ConfigureAwait(false), viewer);
    }

    /// <summary>Each community's top topics in <paramref name="run"/> (docs/communities.md, Labels), from the run's stored
    /// topics when it has them; empty when the run's posts carry no text or hashtags, or no taxonomy was given.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> TopTopicsAsync(ScoreRunInfo run, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (topics is null || taxonomy is null)
        {
            return new Dictionary<int, IReadOnlyList<string>>();
        }

        var p = run.Parameters;
        if (runTopics is not null && TopicService.ReadsStored(run, taxonomy, taxonomyGiven))
        {
            var standings = (await communities.AllCommunityStandingsAsync(run.Id, ct).ConfigureAwait(false)).ToDictionary(s => s.AccountId, s => s.Community);
            return CommunityTopics.Top(await runTopics.TopicEngagementsAsync(run.Id, ct).ConfigureAwait(false), taxonomy, standings);
        }

        if (!await communities.HasTopicTextAsync(p.Network, p.AsOfMs, ct).ConfigureAwait(false))
        {
            return new Dictionary<int, IReadOnlyList<string>>();
        }

        var corpus = await topics.LoadTopicCorpusAsync(p.Network, p.WindowStartMs, p.AsOfMs, ct, storedWith: taxonomy).ConfigureAwait(false);

        var communityOf = (await communities.AllCommunityStandingsAsync(run.Id, ct).ConfigureAwait(false)).ToDictionary(s => s.AccountId, s => s.Community);
        return CommunityTopics.Top(corpus, new PostTopicIndex(corpus.Posts, new TopicExtractor(taxonomy)), taxonomy, communityOf);
    }
}
