using System.Diagnostics;
using System.Threading.Channels;
using Resonance.Application.Members;
using Resonance.Application.Topics;
using Resonance.Domain;

namespace Resonance.Application.Importing;

/// <summary>Imports record streams into a store in one transaction: all of it, or (strict mode, on the first bad record) none of it.</summary>
/// <remarks>
/// Parsing and writing overlap: one task reads and batches records, another writes batches, joined by a bounded
/// channel of two batches so memory stays flat whatever the file size. Every post's topics are extracted as its batch is
/// made, with <paramref name="taxonomy"/> (the built-in one by default), and stored with the post (<see cref="PostTopicCodec"/>),
/// so that runs read them instead of extracting every post's text again (docs/topics.md).
/// </remarks>
/// <param name="store">Where records go.</param>
/// <param name="taxonomy">The taxonomy posts' topics are extracted with; null for <see cref="TopicTaxonomy.BuiltIn"/>.</param>
public sealed class ImportService(IResonanceStore store, TopicTaxonomy? taxonomy = null)
{
    private readonly TopicExtractor _extractor = new(taxonomy ?? TopicTaxonomy.BuiltIn);

    /// <summary>Runs the import. Throws <see cref="ImportFailedException"/> (after rolling back) on a malformed record unless lenient.</summary>
    public async Task<ImportResult> RunAsync(
        IReadOnlyList<ImportSource> sources,
        ImportOptions options,
        Action<ImportProgress>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();

        var erased = await store.LoadErasedAccountsAsync(ct).ConfigureAwait(false);
        await using var session = await store.BeginImportAsync(ct).ConfigureAwait(false);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateBounded<ImportBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var reader = new BatchProducer(sources, options, progress, erased, _extractor);

        var produce = Task.Run(() => reader.Produce(channel.Writer, linked.Token), linked.Token);
        var counts = ImportCounts.Zero;
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(linked.Token).ConfigureAwait(false))
            {
                counts += await session.WriteAsync(batch, linked.Token).ConfigureAwait(false);
            }
            await produce.ConfigureAwait(false);
        }
        catch
        {
            await linked.CancelAsync().ConfigureAwait(false);
            try { await produce.ConfigureAwait(false); } catch (OperationCanceledException) { }
            throw;
        }

        if (reader.Failure is { } failure)
        {
            throw new ImportFailedException(failure);
        }

        var run = new ImportRunRecord(started, DateTimeOffset.UtcNow, options.Format, [.. sources.Select(s => s.File)],
            options.Lenient, counts, reader.RecordsRead, reader.ErrorCount);
        counts = await session.CommitAsync(run, ct).ConfigureAwait(false);
        // A claim is proven by its one-time code appearing in a post by the claimed account: check now that posts arrived.
        var verified = counts.PostsAdded > 0 && store is IMemberStore members ? await members.VerifyPostedCodesAsync(ct).ConfigureAwait(false) : 0;
        return new ImportResult(counts, reader.RecordsRead, reader.ErrorCount, reader.FirstErrors, clock.Elapsed, reader.Skipped)
        {
            ErasedSkipped = reader.ErasedSkipped,
            ClaimsVerified = verified,
        };
    }

    private sealed class BatchProducer(IReadOnlyList<ImportSource> sources, ImportOptions options, Action<ImportProgress>? progress,
        ErasedAccounts erased, TopicExtractor extractor)
    {
        private readonly long _fingerprint = PostTopicCodec.Fingerprint(extractor.Taxonomy);
        private readonly RecordErrorLog _errors = new(options);
        private readonly SkippedTally _skipped = new();

        public long RecordsRead { get; private set; }
        public long ErasedSkipped { get; private set; }
        public long ErrorCount => _errors.Count;
        public RecordError? Failure => _errors.Failure;
        public IReadOnlyList<RecordError> FirstErrors => _errors.First;
        public IReadOnlyDictionary<string, long> Skipped => _skipped.Counts;

        public async Task Produce(ChannelWriter<ImportBatch> writer, CancellationToken ct)
        {
            try
            {
                var batch = new ImportBatch();
                for (var i = 0; i < sources.Count && Failure is null; i++)
                {
                    var source = sources[i];
                    foreach (var record in source.Records)
                    {
                        if (!Accept(record, batch))
                        {
                            break;
                        }
                        if (batch.Count >= options.BatchSize)
                        {
                            batch.ExtractTopics(extractor, _fingerprint);
                            await writer.WriteAsync(batch, ct).ConfigureAwait(false);
                            batch = new ImportBatch();
                            progress?.Invoke(new ImportProgress(source.File, i, sources.Count, source.BytesRead(), source.TotalBytes, RecordsRead, ErrorCount));
                        }
                    }
                    progress?.Invoke(new ImportProgress(source.File, i, sources.Count, source.TotalBytes, source.TotalBytes, RecordsRead, ErrorCount));
                }
                if (Failure is null && batch.Count > 0)
                {
                    batch.ExtractTopics(extractor, _fingerprint);
                    await writer.WriteAsync(batch, ct).ConfigureAwait(false);
                }
                writer.Complete();
            }
            catch (Exception e)
            {
                writer.Complete(e);
                throw;
            }
        }

        /// <summary>Adds a record to the batch; returns false when a strict import must stop.</summary>
        private bool Accept(SourceRecord record, ImportBatch batch)
        {
            if (record.Error is { } error)
            {
                return _errors.Add(error);
            }
            if (_skipped.Add(record))
            {
                return true;
            }
            RecordsRead++;
            if (!erased.IsEmpty)
            {
                if (IsErased(record))
                {
                    ErasedSkipped++;
                    return true;
                }
                record = WithoutErasedReferences(record);
            }
            if (record.Interaction is { } interaction)
            {
                batch.Interactions.Add(interaction);
            }
            else if (record.Post is { } post)
            {
                batch.Posts.Add(post);
            }
            else if (record.Account is { } account)
            {
                batch.Accounts.Add(account);
            }
            return true;
        }

        /// <summary>True when the record is about an opted-out account (as author, actor or target) or reposts one of
        /// their posts (a repost is nothing but the erased content).</summary>
        private bool IsErased(SourceRecord record) =>
            record.Interaction is { } i ? erased.Contains(i.Network, i.ActorId) || erased.Contains(i.Network, i.TargetId)
            : record.Post is { } p ? erased.Contains(p.Network, p.AuthorId) || erased.ContainsPost(p.Network, p.RepostOfPostId)
            : record.Account is { } a && erased.Contains(a.Network, a.ExternalId);

        /// <summary>A reply to or quote of an erased post keeps its own content but loses the reference.</summary>
        private SourceRecord WithoutErasedReferences(SourceRecord record) =>
            record.Post is { } p && (erased.ContainsPost(p.Network, p.ReplyToPostId) || erased.ContainsPost(p.Network, p.QuoteOfPostId))
                ? SourceRecord.Of(record.Line, p with
                {
                    ReplyToPostId = erased.ContainsPost(p.Network, p.ReplyToPostId) ? null : p.ReplyToPostId,
                    QuoteOfPostId = erased.ContainsPost(p.Network, p.QuoteOfPostId) ? null : p.QuoteOfPostId,
                })
                : record;
    }
}
