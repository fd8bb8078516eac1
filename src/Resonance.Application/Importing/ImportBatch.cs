using Resonance.Application.Topics;
using Resonance.Domain;

namespace Resonance.Application.Importing;

/// <summary>A slice of records handed to the store in one call; accounts are written before posts, posts before interactions.</summary>
public sealed class ImportBatch
{
    public List<Account> Accounts { get; } = [];
    public List<Post> Posts { get; } = [];
    public List<Interaction> Interactions { get; } = [];

    /// <summary>Per post of <see cref="Posts"/>, its extraction encoded for <c>posts.topics</c> (<see cref="PostTopicCodec"/>);
    /// empty until <see cref="ExtractTopics"/> runs.</summary>
    public List<string> PostTopics { get; } = [];

    /// <summary>The fingerprint of the taxonomy <see cref="PostTopics"/> were extracted with (<see cref="PostTopicCodec.Fingerprint"/>).</summary>
    public long TopicsFingerprint { get; private set; }

    /// <summary>Extracts every post's topics with <paramref name="extractor"/> (posts in parallel, each into its own slot).</summary>
    public void ExtractTopics(TopicExtractor extractor, long fingerprint)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var encoded = new string[Posts.Count];
        Parallel.For(0, Posts.Count, i => encoded[i] = PostTopicCodec.Extract(extractor, Posts[i].Text, Posts[i].Hashtags, Posts[i].RepostOfPostId));
        PostTopics.Clear();
        PostTopics.AddRange(encoded);
        TopicsFingerprint = fingerprint;
    }

    /// <summary>The stored extraction of post <paramref name="i"/>, or null when the batch was not extracted.</summary>
    public string? TopicsOf(int i) => i < PostTopics.Count ? PostTopics[i] : null;

    /// <summary>The fingerprint to store with post <paramref name="i"/>, or null when the batch was not extracted.</summary>
    public long? FingerprintOf(int i) => i < PostTopics.Count ? TopicsFingerprint : null;

    /// <summary>Number of records in the batch.</summary>
    public int Count => Accounts.Count + Posts.Count + Interactions.Count;

    /// <summary>Empties the batch for reuse.</summary>
    public void Clear()
    {
        Accounts.Clear();
        Posts.Clear();
        Interactions.Clear();
        PostTopics.Clear();
    }
}
