namespace Resonance.Application.Topics;

/// <summary>The topics extracted from each post and stored with it (at import, or by <see cref="ExtractPostTopicsAsync"/>), so
/// that a run reads them instead of extracting every post's text again (docs/topics.md, "Stored extraction").</summary>
public interface IPostTopicStore
{
    /// <summary>Posts whose stored topics did not come from the taxonomy and extractor of <paramref name="fingerprint"/>
    /// (<see cref="PostTopicCodec.Fingerprint"/>): extracted with another taxonomy, or never (databases from before topics
    /// were stored).</summary>
    Task<long> CountStalePostTopicsAsync(long fingerprint, CancellationToken ct = default);

    /// <summary>Extracts the topics of every stale post (<see cref="CountStalePostTopicsAsync"/>) with <paramref name="extractor"/>
    /// and stores them, in one transaction (all posts or none); returns how many were extracted.
    /// <paramref name="progress"/> gets the share done.</summary>
    Task<long> ExtractPostTopicsAsync(TopicExtractor extractor, IProgress<double>? progress = null, CancellationToken ct = default);
}
