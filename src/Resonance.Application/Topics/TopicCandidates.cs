using Resonance.Domain;

namespace Resonance.Application.Topics;

/// <summary>An unknown hashtag or cashtag used often enough to be proposed as a topic.</summary>
/// <param name="Tag">The tag with its sigil (<c>#rstats</c>, <c>$nvda</c>), lower case.</param>
/// <param name="Posts">Posts that use it.</param>
/// <param name="Authors">Distinct authors of those posts.</param>
/// <param name="ExamplePostIds">Up to three of those posts (external ids), earliest first.</param>
/// <param name="CoTopics">Known topics of the posts that use it, most frequent first (a hint for the parent).</param>
public sealed record TopicCandidate(string Tag, int Posts, int Authors, IReadOnlyList<string> ExamplePostIds, IReadOnlyList<string> CoTopics);

/// <summary>Thresholds for <see cref="TopicCandidates"/>.</summary>
/// <param name="MinPosts">Fewest posts using the tag.</param>
/// <param name="MinAuthors">Fewest distinct authors (one account repeating a tag is not a topic).</param>
public sealed record CandidateOptions(int MinPosts = 5, int MinAuthors = 2);

/// <summary>Finds candidate topics: hashtags and cashtags the taxonomy does not know, used by enough posts and authors.</summary>
/// <remarks>Computed on the fly from the posts' extractions stored at import (unknown tags are stored with each post's
/// topics, <see cref="PostTopicCodec"/>), or from their text for a post without one; accepting one appends a line to the operator's taxonomy
/// file. Reposts are skipped (their text is someone else's). Complexity: O(total terms). Deterministic: ordered by
/// posts, then authors descending, then tag ordinal.</remarks>
public static class TopicCandidates
{
    /// <summary>The candidates among <paramref name="posts"/>.</summary>
    public static IReadOnlyList<TopicCandidate> Find(IEnumerable<Post> posts, TopicExtractor extractor, CandidateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var authors = new Dictionary<string, long>(StringComparer.Ordinal);
        return Find(posts.Select(p => new TopicPost(authors.TryGetValue(p.AuthorId, out var a) ? a : authors[p.AuthorId] = authors.Count,
            p.ExternalId, p.CreatedAt.ToUnixTimeMilliseconds(), p.Text, p.Hashtags, p.RepostOfPostId)), extractor, options);
    }

    /// <summary>The candidates among <paramref name="posts"/>.</summary>
    public static IReadOnlyList<TopicCandidate> Find(IEnumerable<TopicPost> posts, TopicExtractor extractor, CandidateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(extractor);
        options ??= new CandidateOptions();
        var stats = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var post in posts.Where(p => p.RepostOf is null))
        {
            // A post extracted at import (with this taxonomy) is counted from what was stored; others are extracted now.
            var terms = post.Stored is null ? TopicTokenizer.Tokenize(post.Text) : null;
            var matches = post.Stored?.Matches ?? extractor.Matches(terms!, post.Hashtags);
            var known = matches.Select(m => m.Topic).Distinct(StringComparer.Ordinal).ToList();
            var tags = post.Stored?.UnknownTags ?? UnknownTags(terms!, post.Hashtags, extractor.Taxonomy);
            foreach (var tag in tags)
            {
                if (!stats.TryGetValue(tag, out var tally))
                {
                    stats[tag] = tally = new Tally();
                }

                tally.Add(post, known);
            }
        }

        return [.. stats.Where(kv => kv.Value.Posts >= options.MinPosts && kv.Value.Authors.Count >= options.MinAuthors)
            .Select(kv => kv.Value.ToCandidate(kv.Key))
            .OrderByDescending(c => c.Posts).ThenByDescending(c => c.Authors).ThenBy(c => c.Tag, StringComparer.Ordinal)];
    }

    /// <summary>The hashtags and cashtags of a post that <paramref name="taxonomy"/> does not know, with their sigil: hashtags
    /// first (stored ones, then the text's), then cashtags, each once.</summary>
    public static IEnumerable<string> UnknownTags(TopicTerms terms, IReadOnlyList<string>? storedHashtags, TopicTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(taxonomy);
        return TopicExtractor.AllHashtags(terms, storedHashtags).Where(t => taxonomy.ForHashtag(t).Count == 0).Select(t => "#" + t)
            .Concat(terms.Cashtags.Where(t => taxonomy.ForCashtag(t).Count == 0).Select(t => "$" + t));
    }

    private sealed class Tally
    {
        public int Posts { get; private set; }

        public HashSet<long> Authors { get; } = [];

        private readonly List<(long At, string Id)> examples = [];
        private readonly Dictionary<string, int> coTopics = new(StringComparer.Ordinal);

        public void Add(TopicPost post, IReadOnlyList<string> known)
        {
            Posts++;
            Authors.Add(post.AuthorId);
            examples.Add((post.CreatedAtMs, post.ExternalId));
            foreach (var t in known)
            {
                coTopics[t] = coTopics.GetValueOrDefault(t) + 1;
            }
        }

        public TopicCandidate ToCandidate(string tag) => new(tag, Posts, Authors.Count,
            [.. examples.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).Take(3).Select(e => e.Id)],
            [.. coTopics.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key)]);
    }
}
