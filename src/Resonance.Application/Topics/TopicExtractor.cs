using Resonance.Domain;

namespace Resonance.Application.Topics;

/// <summary>How a post was found to be about a topic.</summary>
public enum TopicEvidenceKind
{
    /// <summary>One of the topic's hashtags.</summary>
    Hashtag,

    /// <summary>One of the topic's cashtags.</summary>
    Cashtag,

    /// <summary>One of the topic's keywords or phrases, matched on stems.</summary>
    Keyword,
}

/// <summary>One reason a post is about a topic.</summary>
/// <param name="Topic">The topic matched directly (not an ancestor).</param>
/// <param name="Kind">What matched.</param>
/// <param name="Term">The hashtag or cashtag (lower case, no sigil) or the matched stems.</param>
public sealed record TopicMatch(string Topic, TopicEvidenceKind Kind, string Term);

/// <summary>Finds the topics of a post: its hashtags, cashtags and keyword phrases mapped onto a <see cref="TopicTaxonomy"/>.</summary>
/// <remarks>
/// <para>Hashtags are the post's stored hashtags plus any found in its text (readers differ in what they store).
/// Keywords: every run of 1 to <see cref="TopicTaxonomy.LongestPhrase"/> consecutive stemmed tokens
/// (<see cref="TopicTokenizer"/>) is looked up as a phrase, so "large language models" matches the alias
/// "large language model".</para>
/// <para>Complexity: O(T·L) for T tokens and the longest phrase L. Deterministic: matches come in text order,
/// hashtags first, then cashtags, then keywords, each (topic, kind, term) once.</para>
/// </remarks>
public sealed class TopicExtractor(TopicTaxonomy taxonomy)
{
    /// <summary>The taxonomy matched against.</summary>
    public TopicTaxonomy Taxonomy { get; } = taxonomy ?? throw new ArgumentNullException(nameof(taxonomy));

    /// <summary>Every match in <paramref name="post"/>.</summary>
    public IReadOnlyList<TopicMatch> Matches(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return Matches(post.Text, post.Hashtags);
    }

    /// <summary>Every match in a text with its stored hashtags.</summary>
    public IReadOnlyList<TopicMatch> Matches(string? text, IReadOnlyList<string>? storedHashtags = null) =>
        Matches(TopicTokenizer.Tokenize(text), storedHashtags);

    /// <summary>Every match in a text already tokenized (<see cref="TopicTokenizer.Tokenize"/>) with its stored hashtags.</summary>
    public IReadOnlyList<TopicMatch> Matches(TopicTerms terms, IReadOnlyList<string>? storedHashtags = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var found = new List<TopicMatch>();
        var seen = new HashSet<TopicMatch>();
        foreach (var tag in AllHashtags(terms, storedHashtags))
        {
            Add(Taxonomy.ForHashtag(tag), TopicEvidenceKind.Hashtag, tag);
        }

        foreach (var tag in terms.Cashtags)
        {
            Add(Taxonomy.ForCashtag(tag), TopicEvidenceKind.Cashtag, tag);
        }

        var tokens = terms.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var phrase = "";
            for (var len = 1; len <= Taxonomy.LongestPhrase && i + len <= tokens.Count; len++)
            {
                phrase = len == 1 ? tokens[i] : string.Concat(phrase, " ", tokens[i + len - 1]);
                Add(Taxonomy.ForPhrase(phrase), TopicEvidenceKind.Keyword, phrase);
                if (!Taxonomy.IsPhrasePrefix(phrase))
                {
                    break; // no longer phrase starts with these words
                }
            }
        }

        return found;

        void Add(IReadOnlyList<string> topics, TopicEvidenceKind kind, string term)
        {
            foreach (var t in topics)
            {
                var m = new TopicMatch(t, kind, term);
                if (seen.Add(m))
                {
                    found.Add(m);
                }
            }
        }
    }

    /// <summary>The distinct topics of <paramref name="post"/>, each with its ancestors when <paramref name="withAncestors"/>, in match order.</summary>
    public IReadOnlyList<string> Topics(Post post, bool withAncestors = true)
    {
        var result = new List<string>();
        foreach (var m in Matches(post))
        {
            foreach (var t in withAncestors ? Taxonomy.WithAncestors(m.Topic) : [m.Topic])
            {
                if (!result.Contains(t))
                {
                    result.Add(t);
                }
            }
        }

        return result;
    }

    /// <summary>The stored hashtags (lower-cased) followed by those only in the text, distinct.</summary>
    internal static IEnumerable<string> AllHashtags(TopicTerms terms, IReadOnlyList<string>? stored)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in (stored ?? []).Select(t => t.ToLowerInvariant()).Concat(terms.Hashtags))
        {
            if (seen.Add(tag))
            {
                yield return tag;
            }
        }
    }
}
