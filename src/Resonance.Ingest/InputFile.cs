namespace Resonance.Ingest;

/// <summary>An open input file: its decoded text plus how far through the (possibly compressed) file reading has got.</summary>
/// <remarks>
/// <see cref="Position"/> counts bytes of the file on disk, so <c>Position / Length</c> is the fraction done even
/// for gzip input. It may be read from another thread (a progress bar) while the reader runs.
/// Disposing closes the file.
/// </remarks>
public sealed class InputFile : IDisposable
{
    private readonly CountingStream counter;

    internal InputFile(string path, TextReader reader, CountingStream counter, long length, bool isGzip)
    {
        Path = path;
        Reader = reader;
        this.counter = counter;
        Length = length;
        IsGzip = isGzip;
    }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    /// <summary>The decoded (and, for gzip files, decompressed) text.</summary>
    public TextReader Reader { get; }

    /// <summary>Size of the file on disk in bytes (compressed size for gzip).</summary>
    public long Length { get; }

    /// <summary>Bytes of the file on disk consumed so far; reaches <see cref="Length"/> at the end.</summary>
    public long Position => counter.BytesRead;

    /// <summary>True when the file started with the gzip magic bytes and is being decompressed.</summary>
    public bool IsGzip { get; }

    /// <summary>Closes the file.</summary>
    public void Dispose() => Reader.Dispose();
}
