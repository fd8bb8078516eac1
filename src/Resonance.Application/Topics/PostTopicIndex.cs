using System.Runtime.InteropServices;

namespace Resonance.Application.Topics;

/// <summary>The topics of every post of a corpus (with ancestors) and the evidence behind each, computed once.</summary>
/// <remarks>A repost takes the topics of the post it reposts when that post is in the corpus. A post's matches are the
/// extraction stored with it at import (<see cref="TopicPost.Stored"/>, O(matches)) or, for a post without one, extracted
/// from its text now (O(text)), in parallel; deterministic for any thread count (posts indexed in corpus order, topics in match order).
/// Each distinct post id gets a slot (its position among the distinct ids, in corpus order), and every topic an integer id
/// (its position among the topics any post is about, ordinal), so a run's topic step matches interactions to topics with
/// integers (<see cref="SlotOf"/>, <see cref="TopicIdsOf(int)"/>) after one lookup per distinct post. The topic ids are
/// computed with the index, once per distinct topic set (O(sets × topics per set)), and read without a lock.</remarks>
public sealed class PostTopicIndex
{
    private readonly Dictionary<string, int> slots;
    // Each slot's topics (with ancestors) as an index into the distinct topic sets: posts whose stored extraction is one
    // object, and reposts of a post, share a set, so a set's topic ids are computed once. Set 0 is no topic.
    private readonly List<int> setOf;
    private readonly List<string[]> sets = [[]];
    // Each set's matches: the stored extraction the set was computed from (shared by the posts of that extraction), or one
    // post's extraction; a repost's are its original's.
    private readonly List<IReadOnlyList<TopicMatch>> evidenceOfSet = [[]];
    private readonly TopicTaxonomy taxonomy;
    // Every topic any set is about (ordinal order: a topic's id is its position) and each set's topics as ids.
    private readonly string[] topicNames;
    private readonly int[][] topicIdsOfSet;
    private (TopicCorpus Corpus, int[] Slots)? interactionSlots;
    // The posts the index was built from (when given as a list) and the slot of each, by position.
    private readonly IReadOnlyList<TopicPost> built;
    private readonly int[] builtSlots;

    /// <summary>Extracts the topics of <paramref name="posts"/>.</summary>
    public PostTopicIndex(IEnumerable<TopicPost> posts, TopicExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(extractor);
        taxonomy = extractor.Taxonomy;
        var all = posts as IReadOnlyList<TopicPost> ?? [.. posts];
        slots = new(all.Count, StringComparer.Ordinal);
        setOf = new(all.Count);
        // Extraction is independent per post: computed in parallel into a slot per post without a stored one, then indexed
        // in corpus order.
        var found = new IReadOnlyList<TopicMatch>?[all.Any(p => p.Stored is null) ? all.Count : 0];
        if (found.Length > 0)
        {
            Parallel.For(0, all.Count, i =>
            {
                var post = all[i];
                if (post.Stored is null && !IsBareRepost(post.RepostOf, post.Text))
                {
                    found[i] = extractor.Matches(post.Text, post.Hashtags);
                }
            });
        }

        built = all;
        builtSlots = new int[all.Count];
        var reposts = new List<int>();
        // Stored extractions decoded from the same text are one object (PostTopicCodec.Decoder): their topics are computed once.
        var shared = new Dictionary<IReadOnlyList<TopicMatch>, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < all.Count; i++)
        {
            var post = all[i];
            if ((post.Stored is { } stored ? (stored.OfOriginal ? null : stored.Matches) : found[i]) is not { } matches)
            {
                reposts.Add(i);
                continue;
            }

            if (post.Stored is null || !shared.TryGetValue(matches, out var set))
            {
                set = sets.Count;
                sets.Add([.. matches.SelectMany(m => extractor.Taxonomy.WithAncestors(m.Topic)).Distinct(StringComparer.Ordinal)]);
                evidenceOfSet.Add(matches);
                if (post.Stored is not null)
                {
                    shared[matches] = set;
                }
            }

            builtSlots[i] = Set(post.ExternalId, set);
        }

        foreach (var i in reposts)
        {
            var original = SlotOf(all[i].RepostOf);
            builtSlots[i] = Set(all[i].ExternalId, original < 0 ? 0 : setOf[original]);
        }

        // The topic ids of each distinct set, computed once: a slot's ids are its set's.
        topicNames = [.. sets.SelectMany(t => t).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var idOf = new Dictionary<string, int>(topicNames.Length, StringComparer.Ordinal);
        for (var t = 0; t < topicNames.Length; t++)
        {
            idOf[topicNames[t]] = t;
        }

        topicIdsOfSet = [.. sets.Select(t => Array.ConvertAll(t, n => idOf[n]))];
    }

    /// <summary>The taxonomy the posts' topics are of.</summary>
    public TopicTaxonomy Taxonomy => taxonomy;

    /// <summary>Sets the topic set (and so the evidence) of <paramref name="postId"/>, the last post with that id winning (as
    /// a dictionary's indexer); returns its slot. One hash of the id.</summary>
    private int Set(string postId, int set)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(slots, postId, out var known);
        if (!known)
        {
            slot = setOf.Count;
            setOf.Add(set);
            return slot;
        }

        setOf[slot] = set;
        return slot;
    }

    /// <summary>True for a repost with no text of its own: it is about what its original is about.</summary>
    internal static bool IsBareRepost(string? repostOf, string? text) => repostOf is not null && string.IsNullOrWhiteSpace(text);

    /// <summary>The topics of a post (with ancestors), or none for an unknown post or null.</summary>
    public IReadOnlyList<string> TopicsOf(string? postId) => SlotOf(postId) is var slot and >= 0 ? sets[setOf[slot]] : [];

    /// <summary>The matches that make a post about <paramref name="topic"/> (directly or through a descendant).</summary>
    public IEnumerable<TopicMatch> EvidenceFor(string postId, string topic) =>
        (SlotOf(postId) is var slot and >= 0 ? evidenceOfSet[setOf[slot]] : []).Where(m => taxonomy.WithAncestors(m.Topic).Contains(topic, StringComparer.Ordinal));

    /// <summary>The slot of <paramref name="postId"/>, or -1 for an unknown post or null. O(length of the id).</summary>
    internal int SlotOf(string? postId) => postId is not null && slots.TryGetValue(postId, out var slot) ? slot : -1;

    /// <summary>The number of slots (distinct post ids).</summary>
    internal int SlotCount => setOf.Count;

    /// <summary>Every topic any post is about, in ordinal order: a topic's id is its position here.</summary>
    internal string[] TopicNames => topicNames;

    /// <summary>The topic ids of the post in <paramref name="slot"/> (as <see cref="TopicsOf"/> gives the names, in that order); none for -1.</summary>
    internal int[] TopicIdsOf(int slot) => slot < 0 ? [] : topicIdsOfSet[setOf[slot]];

    /// <summary>The slot of each post of <paramref name="posts"/> by position (<see cref="SlotOf"/> of its id) when they are
    /// the posts the index was built from (the same list), else null.</summary>
    internal int[]? SlotsOf(IReadOnlyList<TopicPost> posts) => ReferenceEquals(posts, built) ? builtSlots : null;

    /// <summary>The slot of the post each interaction of <paramref name="corpus"/> was on (-1: none, or a post not in the
    /// index), computed once per corpus: one lookup per distinct post id when the corpus came with the run's load
    /// (<see cref="Scoring.InteractionPostKeys"/>), else one per interaction.</summary>
    internal int[] InteractionSlots(TopicCorpus corpus)
    {
        lock (slots)
        {
            if (interactionSlots is { } known && ReferenceEquals(known.Corpus, corpus))
            {
                return known.Slots;
            }
        }

        int[] result;
        if (Scoring.InteractionPostKeys.From(corpus.InteractionPostIds) is { } keys)
        {
            var slotOfKey = Array.ConvertAll(keys.Keys, SlotOf);
            result = Array.ConvertAll(keys.Of, k => k < 0 ? -1 : slotOfKey[k]);
        }
        else
        {
            result = [.. corpus.InteractionPostIds.Select(SlotOf)];
        }

        lock (slots)
        {
            interactionSlots = (corpus, result);
        }

        return result;
    }

    /// <summary>True when <paramref name="postId"/> is about <paramref name="topic"/> or one of its descendants.</summary>
    public bool IsAbout(string? postId, string topic) => TopicsOf(postId).Contains(topic, StringComparer.Ordinal);
}
