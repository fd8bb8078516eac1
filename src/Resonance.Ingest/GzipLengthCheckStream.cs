namespace Resonance.Ingest;

/// <summary>Wraps a decompressing <see cref="System.IO.Compression.GZipStream"/> and fails at its end when the output length disagrees with the gzip trailer.</summary>
/// <remarks>
/// .NET's GZipStream ends silently when a file is cut short (measured on .NET 10: half a file decompresses to about
/// half its text with no exception), which would import a truncated download as if it were complete. Every gzip
/// member ends with ISIZE, the uncompressed length mod 2^32; comparing it with the bytes actually produced catches
/// truncation. Limitation: for a file of several concatenated members only the last member's ISIZE is available,
/// so such files are reported as corrupt; decompress them first.
/// </remarks>
internal sealed class GzipLengthCheckStream(Stream inner, uint expectedLength, string path) : ReadOnlyPassThroughStream(inner)
{
    private long produced;

    public override long Position
    {
        get => produced;
        set => throw new NotSupportedException();
    }

    protected override int OnRead(int read, int requested)
    {
        produced += read;
        if (read == 0 && requested > 0 && (uint)produced != expectedLength)
        {
            throw new InvalidDataException(
                $"Gzip file '{path}' is truncated or corrupt: it decompressed to {produced} bytes, but its trailer records {expectedLength} (mod 2^32).");
        }
        return read;
    }
}
