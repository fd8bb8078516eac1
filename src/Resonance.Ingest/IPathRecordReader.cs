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
/// progress bar on another thread.</summary>
public sealed class ReadProgress
{
    private long bytesRead;

    /// <summary>Bytes consumed so far.</summary>
    public long BytesRead => Volatile.Read(ref bytesRead);

    /// <summary>Adds <paramref name="bytes"/> to the count (single writer).</summary>
    public void Advance(long bytes) => Volatile.Write(ref bytesRead, bytesRead + bytes);

    /// <summary>Sets the count to <paramref name="bytes"/> (single writer), for readers that know their absolute position.</summary>
    public void Set(long bytes) => Volatile.Write(ref bytesRead, bytes);
}
