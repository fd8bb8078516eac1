using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Resonance.Ingest;

/// <summary>Opens input files for the readers: large sequential buffers, UTF-8, and transparent gzip.</summary>
public static class InputFiles
{
    private const int FileBufferLength = 1 << 20;
    private const int TextBufferLength = 1 << 16;

    /// <summary>Opens <paramref name="path"/> as text, decompressing it when it starts with the gzip magic bytes <c>1f 8b</c>.</summary>
    /// <remarks>
    /// Detection looks at the content, not the file name, so a gzip file without <c>.gz</c> works and a plain file
    /// named <c>.gz</c> is read as plain text. Text is decoded as UTF-8 (a byte-order mark is honoured and skipped).
    /// A corrupt or truncated gzip file throws <see cref="InvalidDataException"/> while reading (truncation is caught by
    /// checking the trailer's length, because GZipStream alone ends silently); files of several concatenated gzip
    /// members are reported as corrupt, see <see cref="GzipLengthCheckStream"/>.
    /// </remarks>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static InputFile OpenText(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Input file '{path}' does not exist.", path);
        }
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferLength, FileOptions.SequentialScan);
        try
        {
            var isGzip = StartsWithGzipMagic(file);
            var expectedLength = isGzip ? ReadGzipTrailerLength(file) : 0;
            var counter = new CountingStream(file);
            Stream content = isGzip
                ? new GzipLengthCheckStream(new GZipStream(counter, CompressionMode.Decompress), expectedLength, path)
                : counter;
            var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, TextBufferLength);
            return new InputFile(path, reader, counter, file.Length, isGzip);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>ISIZE, the last four bytes of a gzip file: the uncompressed length mod 2^32, little-endian.</summary>
    private static uint ReadGzipTrailerLength(FileStream file)
    {
        if (file.Length < 4)
        {
            return 0;
        }
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Position = 0;
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    private static bool StartsWithGzipMagic(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
