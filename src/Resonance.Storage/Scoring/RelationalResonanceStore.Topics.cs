using System.Data.Common;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;
using Resonance.Storage.Scoring;

namespace Resonance.Storage;

// The topic side of the store: reads from the posts and interactions tables.
public abstract partial class RelationalResonanceStore : ITopicStore
{
    /// <inheritdoc />
    public Task<TopicCorpus> LoadTopicCorpusAsync(string? network, long fromMs, long toMs, CancellationToken ct = default, bool onPostsOnly = false,
        TopicTaxonomy? storedWith = null) =>
        QueryAsync((c, t) => TopicQueries.LoadTopicCorpusAsync(c, network, fromMs, toMs, onPostsOnly, storedWith, t), ct);

    /// <inheritdoc />
    public Task<ScoringInput> LoadScoringInputWithPostKeysAsync(string? network, long fromMs, long toMs, CancellationToken ct = default) =>
        QueryAsync(async (c, t) =>
            await ReadScoringInputAsync(c, await ScoringInputQuery.CreateAsync(c, network, fromMs, toMs, t, withPostKeys: true).ConfigureAwait(false), t)
                .ConfigureAwait(false), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<TopicPost>> LoadTopicPostsAsync(string? network, long toMs, TopicTaxonomy? storedWith, CancellationToken ct = default) =>
        QueryAsync(async (c, t) => await ReadTopicPostsAsync(c,
            TopicPostsQuery.Create(await ScoreStoreQueries.NetworkIdAsync(c, network, t).ConfigureAwait(false), toMs, storedWith), t).ConfigureAwait(false), ct);

    /// <summary>Runs the topic step's read of the posts; providers with a faster reader than ADO.NET's override it.</summary>
    private protected virtual async Task<IReadOnlyList<TopicPost>> ReadTopicPostsAsync(DbConnection connection, TopicPostsQuery query, CancellationToken ct) =>
        await TopicQueries.ReadTopicPostsAsync(connection, query, ct).ConfigureAwait(false);

    /// <inheritdoc />
    public Task<TopicCorpus> LoadAccountTopicCorpusAsync(string? network, long fromMs, long toMs, long accountId, CancellationToken ct = default,
        TopicTaxonomy? storedWith = null) =>
        QueryAsync((c, t) => TopicQueries.LoadAccountTopicCorpusAsync(c, network, fromMs, toMs, accountId, storedWith, t), ct);
}
