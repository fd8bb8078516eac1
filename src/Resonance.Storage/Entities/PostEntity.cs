namespace Resonance.Storage.Entities;

/// <summary>A post; natural key (network, external id). Parent posts are kept as external ids because they may not be imported.</summary>
public sealed class PostEntity
{
    public long Id { get; set; }
    public int NetworkId { get; set; }
    public required string ExternalId { get; set; }
    public long AuthorId { get; set; }
    /// <summary>Unix time in milliseconds (UTC).</summary>
    public long CreatedAtMs { get; set; }
    public string? Text { get; set; }
    /// <summary>Hashtags separated by single spaces, lower-case, without '#'.</summary>
    public string? Hashtags { get; set; }
    public string? ReplyTo { get; set; }
    public string? QuoteOf { get; set; }
    public string? RepostOf { get; set; }
    /// <summary>The post's topic extraction (Resonance.Application.Topics.PostTopicCodec), or null when never extracted.</summary>
    public string? Topics { get; set; }
    /// <summary>Fingerprint of the taxonomy and extractor <see cref="Topics"/> came from; null when never extracted.</summary>
    public long? TopicsTaxonomy { get; set; }
}
