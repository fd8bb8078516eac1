namespace Resonance.Application.Topics;

/// <summary>The topics of every post of a corpus (with ancestors) and the evidence behind each, computed once.</summary>
/// <remarks>A repost takes the topics of the post it reposts when that post is in the corpus. A post's matches are the
/// extraction stored with it at import (<see cref="TopicPost.Stored"/>, O(matches)) or, for a post without one, extracted
/// from its text now (O(text)), in parallel; deterministic for any thread count (posts indexed in corpus order, topics in match order).</remarks>
public sealed class PostTopicIndex
{
    private readonly Dictionary<string, string[]> topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<TopicMatch>> evidence = new(StringComparer.Ordinal);
    private readonly TopicTaxonomy taxonomy;

    /// <summary>Extracts the topics of <paramref name="posts"/>.</summary>
    public PostTopicIndex(IEnumerable<TopicPost> posts, TopicExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(extractor);
        taxonomy = extractor.Taxonomy;
        var all = posts as IReadOnlyList<TopicPost> ?? [.. posts];
        // Extraction is independent per post: computed in parallel into a slot per post, then indexed in corpus order.
        var found = new IReadOnlyList<TopicMatch>?[all.Count];
        Parallel.For(0, all.Count, i =>
        {
            var post = all[i];
            if (post.Stored is { } stored)
            {
                found[i] = stored.OfOriginal ? null : stored.Matches;
            }
            else if (!IsBareRepost(post.RepostOf, post.Text))
            {
                found[i] = extractor.Matches(post.Text, post.Hashtags);
            }
        });
        var reposts = new List<TopicPost>();
        // Stored extractions decoded from the same text are one object (PostTopicCodec.Decoder): their topics are computed once.
        var shared = new Dictionary<IReadOnlyList<TopicMatch>, string[]>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < all.Count; i++)
        {
            var post = all[i];
            if (found[i] is not { } matches)
            {
                reposts.Add(post);
                continue;
            }

            evidence[post.ExternalId] = matches;
            if (post.Stored is null || !shared.TryGetValue(matches, out var withAncestors))
            {
                withAncestors = [.. matches.SelectMany(m => extractor.Taxonomy.WithAncestors(m.Topic)).Distinct(StringComparer.Ordinal)];
                if (post.Stored is not null)
                {
                    shared[matches] = withAncestors;
                }
            }

            topics[post.ExternalId] = withAncestors;
        }

        foreach (var repost in reposts)
        {
            topics[repost.ExternalId] = topics.GetValueOrDefault(repost.RepostOf!, []);
            evidence[repost.ExternalId] = evidence.GetValueOrDefault(repost.RepostOf!, []);
        }
    }

    /// <summary>The taxonomy the posts' topics are of.</summary>
    public TopicTaxonomy Taxonomy => taxonomy;

    /// <summary>True for a repost with no text of its own: it is about what its original is about.</summary>
    internal static bool IsBareRepost(string? repostOf, string? text) => repostOf is not null && string.IsNullOrWhiteSpace(text);

    /// <summary>The topics of a post (with ancestors), or none for an unknown post or null.</summary>
    public IReadOnlyList<string> TopicsOf(string? postId) => postId is not null && topics.TryGetValue(postId, out var t) ? t : [];

    /// <summary>The matches that make a post about <paramref name="topic"/> (directly or through a descendant).</summary>
    public IEnumerable<TopicMatch> EvidenceFor(string postId, string topic) =>
        evidence.GetValueOrDefault(postId, []).Where(m => taxonomy.WithAncestors(m.Topic).Contains(topic, StringComparer.Ordinal));

    /// <summary>True when <paramref name="postId"/> is about <paramref name="topic"/> or one of its descendants.</summary>
    public bool IsAbout(string? postId, string topic) => TopicsOf(postId).Contains(topic, StringComparer.Ordinal);
}
