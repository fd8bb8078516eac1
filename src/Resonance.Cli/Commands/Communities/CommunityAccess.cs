using Resonance.Application.Communities;
using Resonance.Application.Members;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;

namespace Resonance.Cli.Commands.Communities;

/// <summary>What the community commands share: the service over the store, and how members are shown.</summary>
/// <remarks>Naming rule of the operator's CLI: like <c>top</c>, <c>explain</c> and <c>compare-runs</c>, the lists name every
/// account (the operator holds the database). Labels are different: they are meant to be shown anywhere, so they name
/// only members visible to any signed-in user (<see cref="CommunityLabels.SignedInReader"/>, <see cref="Viewer.MaySee"/>).</remarks>
internal static class CommunityAccess
{
    /// <summary>The community service over <paramref name="store"/>, with topic labels from the run's stored topics, or (runs
    /// without them, or another taxonomy given) from the built-in taxonomy extended by <paramref name="taxonomyFiles"/>.</summary>
    public static CommunityService Service(IScoreStore store, string[]? taxonomyFiles)
    {
        var topics = Topics.TopicOptions.Service(store, taxonomyFiles);
        // Labels read the run's stored topics, as `topics` does, unless the operator gives a taxonomy of their own.
        return new CommunityService((ICommunityStore)store, store, (ITopicStore)store, topics.Taxonomy, store as IRunTopicStore, taxonomyFiles is { Length: > 0 });
    }

    /// <summary>The message for a run without communities.</summary>
    public static string NoCommunities(ScoreRunInfo run) =>
        $"run {run.Id} has no communities (scored with --no-communities, or before communities existed); `resonance score` makes a run with them.";

    /// <summary>The members with their scores in the run, in the order given.</summary>
    public static async Task<IReadOnlyList<(CommunityStanding Standing, AccountScore? Score)>> WithScoresAsync(IScoreStore store, long runId,
        IReadOnlyList<CommunityStanding> members, CancellationToken ct)
    {
        var result = new List<(CommunityStanding, AccountScore?)>(members.Count);
        foreach (var m in members)
        {
            result.Add((m, await store.GetScoreAsync(runId, m.AccountId, ct).ConfigureAwait(false)));
        }

        return result;
    }
}
