using Resonance.Application.Topics;
using Resonance.Storage.Scoring;

namespace Resonance.Storage;

// Posts' topics as extracted at import, and their re-extraction when the taxonomy changed.
public abstract partial class RelationalResonanceStore : IPostTopicStore
{
    /// <inheritdoc />
    public Task<long> CountStalePostTopicsAsync(long fingerprint, CancellationToken ct = default) =>
        QueryAsync((c, t) => PostTopicQueries.CountStaleAsync(c, fingerprint, t), ct);

    /// <inheritdoc />
    public Task<long> ExtractPostTopicsAsync(TopicExtractor extractor, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        return QueryAsync((c, t) => PostTopicQueries.ExtractAsync(c, extractor, progress, t), ct);
    }
}
