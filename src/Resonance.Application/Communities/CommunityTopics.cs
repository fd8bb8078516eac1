using Resonance.Application.Topics;

namespace Resonance.Application.Communities;

/// <summary>The top topics of each community: what the posts of its members that others engaged with are about.</summary>
/// <remarks>
/// <para>Method: every interaction in the run's window on a post whose author is a scored member of community c adds the
/// interaction's weight to each of the post's most specific topics (a post about <c>jazz</c> counts for <c>jazz</c>,
/// not again for its parent <c>music</c>; docs/topics.md); self-engagement does not count. A community's top topics
/// are those with the most weight (ties by name, ordinal). A corpus without a single post with a topic gives none,
/// and labels then leave topics out.</para>
/// <para>Complexity: O(posts' text + interactions). Deterministic: sums run in corpus order and the order is total.</para>
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

        return weights.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)[.. kv.Value
            .OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(perCommunity).Select(t => t.Key)]);
    }

    /// <summary>The topics that are not an ancestor of another topic of the same post.</summary>
    private static string[] MostSpecific(IReadOnlyList<string> topics, TopicTaxonomy taxonomy)
    {
        var ancestors = new HashSet<string>(topics.SelectMany(t => taxonomy.WithAncestors(t).Skip(1)), StringComparer.Ordinal);
        return [.. topics.Where(t => !ancestors.Contains(t))];
    }
}
