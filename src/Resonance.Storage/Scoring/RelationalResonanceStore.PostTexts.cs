using Resonance.Application.Scoring;
using Resonance.Storage.Scoring;

namespace Resonance.Storage;

// The post texts the integrity model reads (near-duplicate text), loaded apart from the scoring input.
public abstract partial class RelationalResonanceStore
{
    /// <inheritdoc />
    public Task<PostTexts> LoadPostTextsAsync(string? network, long fromMs, long toMs, CancellationToken ct = default) =>
        QueryAsync((c, t) => PostTextQueries.LoadAsync(c, network, fromMs, toMs, t), ct);
}
