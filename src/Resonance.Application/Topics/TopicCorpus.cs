using Resonance.Application.Scoring;

namespace Resonance.Application.Topics;

/// <summary>A post as topic scoring needs it.</summary>
/// <param name="AuthorId">Store id of the author.</param>
/// <param name="ExternalId">The network's id of the post (what interactions name in their post id).</param>
/// <param name="CreatedAtMs">Creation time, Unix milliseconds.</param>
/// <param name="Text">The text, if any.</param>
/// <param name="Hashtags">Stored hashtags, lower case, without '#'.</param>
/// <param name="RepostOf">External id of the reposted post, for a repost (which takes the original's topics).</param>
/// <param name="Stored">The extraction stored with the post at import with the taxonomy in use (<see cref="PostTopicCodec"/>),
/// or null to extract from <paramref name="Text"/> and <paramref name="Hashtags"/> (a stored post's text is not read).</param>
public sealed record TopicPost(long AuthorId, string ExternalId, long CreatedAtMs, string? Text, IReadOnlyList<string> Hashtags, string? RepostOf = null,
    StoredPostTopics? Stored = null);

/// <summary>What topic scoring reads: a run's scoring input, the post each interaction was on, and the posts themselves.</summary>
/// <param name="Input">The interactions and posts of the window, as the main score reads them.</param>
/// <param name="InteractionPostIds">Per interaction of <paramref name="Input"/>, the external id of the post it was on, or null.</param>
/// <param name="Posts">The posts the interactions may name (the window's, and earlier ones still engaged with).</param>
/// <remarks>Post ids are matched by external id alone; a corpus spanning networks whose post ids collide would merge them
/// (load one network at a time to avoid it).</remarks>
public sealed record TopicCorpus(ScoringInput Input, IReadOnlyList<string?> InteractionPostIds, IReadOnlyList<TopicPost> Posts)
{
    /// <summary>Checks that there is one post id per interaction.</summary>
    public TopicCorpus Validate() => InteractionPostIds.Count == Input.InteractionCount ? this
        : throw new ArgumentException("There must be one post id (or null) per interaction.");
}
