using System.Buffers.Binary;
using System.Text;

namespace Resonance.Application.Topics;

/// <summary>A post's extraction as stored with the post at import: its matches (the evidence <see cref="PostTopicIndex"/>
/// builds topics from) and the hashtags and cashtags the taxonomy does not know (what <see cref="TopicCandidates"/> counts).</summary>
/// <param name="Matches">The matches, in the extractor's order.</param>
/// <param name="UnknownTags">Unknown tags with their sigil (<c>#rstats</c>, <c>$nvda</c>), in the extractor's order.</param>
/// <param name="OfOriginal">True for a bare repost (no text of its own): it takes the topics of the post it reposts.</param>
public sealed record StoredPostTopics(IReadOnlyList<TopicMatch> Matches, IReadOnlyList<string> UnknownTags, bool OfOriginal = false)
{
    /// <summary>No match and no unknown tag: a post about nothing known.</summary>
    public static StoredPostTopics None { get; } = new([], []);

    /// <summary>A bare repost, about what its original is about.</summary>
    public static StoredPostTopics Repost { get; } = new([], [], OfOriginal: true);
}

/// <summary>Encodes a post's extraction into the <c>posts.topics</c> column and back, and fingerprints the taxonomy and
/// extractor that produced it (<c>posts.topics_taxonomy</c>), so that a run never reads topics extracted with another
/// taxonomy (docs/topics.md, "Stored extraction").</summary>
/// <remarks>
/// <para>Format: one record per match or unknown tag, records separated by U+001E, fields by U+001F (control characters
/// no term or topic name holds: terms are words, tags and stems). A match is <c>h|c|k</c> + topic + U+001F + term; an
/// unknown tag is <c>#|$</c> + tag. <c>=</c> alone marks a bare repost (its original's topics, resolved when a corpus is
/// indexed); the empty string is an extraction with nothing in it; NULL (in the column) is a post never extracted. Decoding returns the taxonomy's own topic name strings and interns terms per decoder, so a million
/// posts share a few thousand strings.</para>
/// <para>Complexity: O(length) both ways. Deterministic: the extractor's order is kept, so topics and evidence built from a
/// stored extraction are the ones built from the text, bit for bit.</para>
/// </remarks>
public static class PostTopicCodec
{
    /// <summary>The extractor's version: raise it whenever <see cref="TopicExtractor"/> or <see cref="TopicTokenizer"/> would
    /// extract differently from the same taxonomy, so stored extractions become stale.</summary>
    public const int ExtractorVersion = 1;

    private const char RecordSeparator = '\u001e';
    private const char FieldSeparator = '\u001f';
    private const string RepostMark = "=";

    /// <summary>The fingerprint of <paramref name="taxonomy"/> (its <see cref="TopicTaxonomy.Hash"/>) and <see cref="ExtractorVersion"/>:
    /// the first 8 bytes of their SHA-256, as stored in <c>posts.topics_taxonomy</c>.</summary>
    public static long Fingerprint(TopicTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var bytes = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"topic-extractor@{ExtractorVersion}\n{taxonomy.Hash}"));
        return BinaryPrimitives.ReadInt64BigEndian(bytes);
    }

    /// <summary>Extracts a post as the run would and encodes it: a bare repost (no text of its own) stores only its mark,
    /// since it takes its original's topics when a corpus is indexed.</summary>
    public static string Extract(TopicExtractor extractor, string? text, IReadOnlyList<string>? hashtags, string? repostOf)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        if (PostTopicIndex.IsBareRepost(repostOf, text))
        {
            return RepostMark;
        }

        var terms = TopicTokenizer.Tokenize(text);
        var s = new StringBuilder();
        foreach (var m in extractor.Matches(terms, hashtags))
        {
            Separate(s).Append(m.Kind switch { TopicEvidenceKind.Hashtag => 'h', TopicEvidenceKind.Cashtag => 'c', _ => 'k' })
                .Append(m.Topic).Append(FieldSeparator).Append(m.Term);
        }

        foreach (var tag in TopicCandidates.UnknownTags(terms, hashtags, extractor.Taxonomy))
        {
            Separate(s).Append(tag);
        }

        return s.ToString();
    }

    private static StringBuilder Separate(StringBuilder s) => s.Length > 0 ? s.Append(RecordSeparator) : s;

    /// <summary>Decodes stored extractions against one taxonomy, sharing strings across posts. Not thread-safe.</summary>
    public sealed class Decoder(TopicTaxonomy taxonomy)
    {
        private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StoredPostTopics> whole = new(StringComparer.Ordinal);

        /// <summary>The extraction stored as <paramref name="encoded"/>, allocating no string when the same text was decoded before.</summary>
        /// <exception cref="FormatException">A record is malformed or names a topic the taxonomy does not have.</exception>
        public StoredPostTopics Decode(ReadOnlySpan<char> encoded) =>
            encoded.IsEmpty ? StoredPostTopics.None
            : encoded.SequenceEqual(RepostMark) ? StoredPostTopics.Repost
            : whole.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(encoded, out var known) ? known
            : Decode(encoded.ToString());

        /// <summary>The extraction stored as <paramref name="encoded"/>.</summary>
        /// <exception cref="FormatException">A record is malformed or names a topic the taxonomy does not have.</exception>
        public StoredPostTopics Decode(string encoded)
        {
            ArgumentNullException.ThrowIfNull(encoded);
            if (encoded.Length == 0)
            {
                return StoredPostTopics.None;
            }

            if (encoded == RepostMark)
            {
                return StoredPostTopics.Repost;
            }

            // Many posts share one extraction (the same tags): decoded once.
            if (whole.TryGetValue(encoded, out var known))
            {
                return known;
            }

            var matches = new List<TopicMatch>();
            var tags = new List<string>();
            foreach (var record in encoded.Split(RecordSeparator))
            {
                if (record.Length > 1 && record[0] is '#' or '$')
                {
                    tags.Add(Intern(record));
                    continue;
                }

                var field = record.IndexOf(FieldSeparator, StringComparison.Ordinal);
                var kind = record.Length == 0 ? '?' : record[0];
                if (field < 2 || kind is not ('h' or 'c' or 'k'))
                {
                    throw new FormatException($"stored post topics: malformed record '{record}'.");
                }

                var topic = taxonomy.Find(record[1..field])?.Name
                    ?? throw new FormatException($"stored post topics: unknown topic '{record[1..field]}' (extracted with another taxonomy).");
                matches.Add(new TopicMatch(topic, kind switch { 'h' => TopicEvidenceKind.Hashtag, 'c' => TopicEvidenceKind.Cashtag, _ => TopicEvidenceKind.Keyword },
                    Intern(record[(field + 1)..])));
            }

            return whole[encoded] = new StoredPostTopics(matches, tags);
        }

        private string Intern(string s) => strings.TryGetValue(s, out var shared) ? shared : strings[s] = s;
    }
}
