using System.Diagnostics;

namespace Resonance.Application.Importing;

/// <summary>Reads and checks sources without touching a database (<c>resonance import --dry-run</c>).</summary>
public static class ImportValidator
{
    /// <summary>Parses every record; throws <see cref="ImportFailedException"/> on the first malformed one unless lenient.</summary>
    public static ImportResult Run(IReadOnlyList<ImportSource> sources, ImportOptions options, Action<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        long records = 0;
        var errors = new RecordErrorLog(options);
        var skipped = new SkippedTally();
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            foreach (var record in source.Records)
            {
                if (record.Error is { } error)
                {
                    if (!errors.Add(error))
                    {
                        throw new ImportFailedException(error);
                    }
                    continue;
                }
                if (skipped.Add(record))
                {
                    continue;
                }
                if ((++records % options.BatchSize) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Invoke(new ImportProgress(source.File, i, sources.Count, source.BytesRead(), source.TotalBytes, records, errors.Count));
                }
            }
        }
        return new ImportResult(ImportCounts.Zero, records, errors.Count, errors.First, clock.Elapsed, skipped.Counts);
    }
}
