using Resonance.Application.Topics;

namespace Resonance.Application.Communities;

/// <summary>The top topics of each community: what the posts of its members that others engaged with are about.</summary>
/// <remarks>
/// <para>Method: every interaction in the run's window on a post whose author is a scored member of community c adds the
/// interaction's weight to each of the post's most specific topics (a post about <c>jazz</c> counts for <c>jazz</c>,
/// not again for its parent <c>music</c>; docs/topics.md); self-engagement does not count. A community's top topics
/// are those with the most weight (ties by name, ordinal). A corpus without a single post with a topic gives none,
/// and labels then leave topics out.</para>
/// <para>From a run's stored topics (<see cref="IRunTopicStore.TopicEngagementsAsync"/>), so that labels never change
/// after the run: a member's stored engagement on a topic counts its posts about the topic or any subtopic (a post about
/// <c>jazz</c> is about <c>music</c> too), so each topic adds its engagement less that of its subtopics among the
/// member's topics, which is the engagement on posts whose most specific topic it is. This equals the per-post sum above
/// unless a post is about two subtopics of one topic at once (its engagement is then subtracted twice; a topic's share
/// is never below zero).</para>
/// <para>Complexity: O(posts' text + interactions), or O(stored rows). Deterministic: sums run in corpus (or stored)
/// order and the order is total.</para>
/// </remarks>
public static class CommunityTopics
{
    /// <summary>Up to <paramref name="perCommunity"/> topics per community id (communities without any are absent).</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> Top(TopicCorpus corpus, PostTopicIndex index, TopicTaxonomy taxonomy,
        IReadOnlyDictionary<long, int> communityOf, int perCommunity = 3)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(communityOf);
        var authors = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var post in corpus.Posts)
        {
            authors.TryAdd(post.ExternalId, post.AuthorId);
        }

        var specific = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var weights = new Dictionary<int, Dictionary<string, double>>();
        var input = corpus.Input;
        for (var i = 0; i < input.InteractionCount; i++)
        {
            if (corpus.InteractionPostIds[i] is not { } post || !authors.TryGetValue(post, out var author) || author == input.ActorIds[i]
                || !communityOf.TryGetValue(author, out var community))
            {
                continue;
            }

            if (!specific.TryGetValue(post, out var topics))
            {
                specific[post] = topics = MostSpecific(index.TopicsOf(post), taxonomy);
            }

            if (topics.Length == 0)
            {
                continue;
            }

            if (!weights.TryGetValue(community, out var sums))
            {
                weights[community] = sums = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            foreach (var t in topics)
            {
                sums[t] = sums.GetValueOrDefault(t) + input.Weights[i];
            }
        }

        return Ordered(weights, perCommunity);
    }

    /// <summary>Up to <paramref name="perCommunity"/> topics per community id from a run's stored account topics
    /// (communities without any are absent).</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> Top(IReadOnlyList<StoredTopicEngagement> stored, TopicTaxonomy taxonomy,
        IReadOnlyDictionary<long, int> communityOf, int perCommunity = 3)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(communityOf);
        var weights = new Dictionary<int, Dictionary<string, double>>();
        foreach (var account in stored.GroupBy(s => s.AccountId))
        {
            if (!communityOf.TryGetValue(account.Key, out var community))
            {
                continue;
            }

            var own = account.ToDictionary(t => t.Topic, t => t.Engagements, StringComparer.Ordinal);
            foreach (var t in account)
            {
                if (taxonomy.WithAncestors(t.Topic).Skip(1).FirstOrDefault() is { } parent && own.ContainsKey(parent))
                {
                    own[parent] -= t.Engagements;
                }
            }

            foreach (var t in account.Where(t => own[t.Topic] > 1e-9 * t.Engagements))
            {
                if (!weights.TryGetValue(community, out var sums))
                {
                    weights[community] = sums = new Dictionary<string, double>(StringComparer.Ordinal);
                }
                sums[t.Topic] = sums.GetValueOrDefault(t.Topic) + own[t.Topic];
            }
        }

        return Ordered(weights, perCommunity);
    }

    private static Dictionary<int, IReadOnlyList<string>> Ordered(Dictionary<int, Dictionary<string, double>> weights, int perCommunity) =>
        weights.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)[.. kv.Value
            .OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(perCommunity).Select(t => t.Key)]);

    /// <summary>The topics that are not an ancestor of another topic of the same post.</summary>
    private static string[] MostSpecific(IReadOnlyList<string> topics, TopicTaxonomy taxonomy)
    {
        var ancestors = new HashSet<string>(topics.SelectMany(t => taxonomy.WithAncestors(t).Skip(1)), StringComparer.Ordinal);
        return [.. topics.Where(t => !ancestors.Contains(t))];
    }
}
