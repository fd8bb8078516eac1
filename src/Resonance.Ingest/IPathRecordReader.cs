using Resonance.Domain;

namespace Resonance.Ingest;

/// <summary>
/// A reader whose input is not one text stream: a folder, a <c>.zip</c> archive or a binary file that the reader opens
/// itself (a Twitter archive, a Bluesky repository CAR).
/// </summary>
/// <remarks>
/// The importer calls <see cref="ReadPath"/> instead of <see cref="IRecordReader.Read"/> for these readers. The same
/// contract holds: records stream (memory flat in input size), malformed records are yielded as errors with the file
/// and line or record number, and I/O failures throw. <see cref="IRecordReader.Read"/> may still serve a single text
/// member of the format (for example one JSON file), or throw <see cref="NotSupportedException"/>.
/// </remarks>
public interface IPathRecordReader : IRecordReader
{
    /// <summary>The bytes of input at <paramref name="path"/> that <see cref="ReadPath"/> will read (a folder: its files'
    /// total), for progress.</summary>
    long InputLength(string path);

    /// <summary>Reads records from the file or folder at <paramref name="path"/>.</summary>
    /// <param name="path">The path as the user gave it, also used in error messages (members as <c>path/member</c>).</param>
    /// <param name="options">Network, kind and other per-import settings.</param>
    /// <param name="progress">Advanced by the bytes of input consumed, for a progress bar on another thread.</param>
    IEnumerable<SourceRecord> ReadPath(string path, ReaderOptions options, ReadProgress progress);
}

/// <summary>Bytes of input consumed so far by a <see cref="IPathRecordReader"/>; written by the reader, read by a
/// progress bar on another thread. Also counts records the reader read but deliberately did not import, by reason.</summary>
public sealed class ReadProgress
{
    private readonly Dictionary<string, long> skipped = new(StringComparer.Ordinal);
    private long bytesRead;

    /// <summary>Bytes consumed so far.</summary>
    public long BytesRead => Volatile.Read(ref bytesRead);

    /// <summary>Adds <paramref name="bytes"/> to the count (single writer).</summary>
    public void Advance(long bytes) => Volatile.Write(ref bytesRead, bytesRead + bytes);

    /// <summary>Sets the count to <paramref name="bytes"/> (single writer), for readers that know their absolute position.</summary>
    public void Set(long bytes) => Volatile.Write(ref bytesRead, bytes);

    /// <summary>Counts <paramref name="count"/> well-formed items that the format cannot map to the canonical model (for
    /// example a liked tweet whose author is unknown); <paramref name="reason"/> says which and why, as a short phrase.</summary>
    /// <remarks>These are not errors: a strict import goes on. The importer reports them beside its summary.</remarks>
    public void Skip(string reason, long count = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        lock (skipped)
        {
            skipped[reason] = skipped.GetValueOrDefault(reason) + count;
        }
    }

    /// <summary>The items skipped so far, by reason.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Skipped
    {
        get
        {
            lock (skipped)
            {
                return [.. skipped];
            }
        }
    }
}
