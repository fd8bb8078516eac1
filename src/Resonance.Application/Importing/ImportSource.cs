using Resonance.Domain;

namespace Resonance.Application.Importing;

/// <summary>One input file as the importer sees it: a lazy record stream plus how far through the file it is.</summary>
/// <param name="File">The path as the user gave it, used in messages.</param>
/// <param name="Records">The records; enumerating opens the file.</param>
/// <param name="BytesRead">Bytes of the file consumed so far (for progress).</param>
/// <param name="TotalBytes">Size of the file in bytes.</param>
public sealed record ImportSource(string File, IEnumerable<SourceRecord> Records, Func<long> BytesRead, long TotalBytes);

/// <summary>How to import.</summary>
/// <param name="Format">The format name, recorded with the import run.</param>
/// <param name="Lenient">Skip malformed records (reporting them) instead of stopping at the first one.</param>
/// <param name="BatchSize">Records per write batch.</param>
/// <param name="MaxReportedErrors">How many skipped records are reported in full under <paramref name="Lenient"/>.</param>
public sealed record ImportOptions(string Format, bool Lenient = false, int BatchSize = 100_000, int MaxReportedErrors = 20);

/// <summary>A snapshot of a running import.</summary>
public sealed record ImportProgress(string File, int FileIndex, int FileCount, long BytesRead, long TotalBytes, long RecordsRead, long Errors);

/// <summary>What a finished (committed) import did.</summary>
/// <param name="Skipped">Well-formed items the readers did not import (<see cref="SourceRecord.Skip"/>), counted by what they were.</param>
public sealed record ImportResult(ImportCounts Counts, long RecordsRead, long ErrorCount, IReadOnlyList<RecordError> FirstErrors, TimeSpan Elapsed,
    IReadOnlyDictionary<string, long>? Skipped = null)
{
    /// <summary>Records skipped because they are about an opted-out (erased) account.</summary>
    public long ErasedSkipped { get; init; }

    /// <summary>Account claims proven by a one-time code found in the imported posts.</summary>
    public int ClaimsVerified { get; init; }

    /// <summary>Skipped items by description, in first-seen order; never null.</summary>
    public IReadOnlyDictionary<string, long> Skipped { get; init; } = Skipped ?? new Dictionary<string, long>();

    /// <summary>Records read per second of wall time.</summary>
    public double RecordsPerSecond => Elapsed.TotalSeconds > 0 ? RecordsRead / Elapsed.TotalSeconds : 0;
}

/// <summary>A strict import met a malformed record; nothing was written.</summary>
public sealed class ImportFailedException(RecordError error)
    : Exception($"{error}. Nothing was imported; fix the record or re-run with --lenient to skip bad records.")
{
    /// <summary>The first malformed record.</summary>
    public RecordError Error { get; } = error;
}
