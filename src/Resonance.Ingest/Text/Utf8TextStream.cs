using System.Text;

namespace Resonance.Ingest.Text;

/// <summary>A read-only, forward-only stream of the UTF-8 bytes of a <see cref="TextReader"/>'s text.</summary>
/// <remarks>
/// Lets byte-level parsers (<see cref="System.Text.Json.Utf8JsonReader"/>) read text that <see cref="InputFiles"/> has
/// already decompressed and decoded, so gzip, byte-order marks and progress keep working the same way for every format.
/// No byte-order mark is written. Reads need a destination of at least 4 bytes. Disposing does not dispose the reader.
/// </remarks>
internal sealed class Utf8TextStream(TextReader input) : Stream
{
    private const int CharBufferLength = 1 << 15;

    private readonly Encoder encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private readonly char[] chars = new char[CharBufferLength];
    private int charStart;
    private int charEnd;
    private bool endOfText;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // A UTF-8 sequence is at most 4 bytes, so a smaller destination could make no progress (internal use only).
        ArgumentOutOfRangeException.ThrowIfLessThan(buffer.Length, 4, nameof(buffer));
        while (true)
        {
            if (charStart == charEnd && !endOfText)
            {
                charStart = 0;
                charEnd = input.Read(chars, 0, chars.Length);
                endOfText = charEnd == 0;
            }
            encoder.Convert(chars.AsSpan(charStart, charEnd - charStart), buffer, endOfText, out var used, out var written, out _);
            charStart += used;
            if (written > 0 || endOfText)
            {
                return written;
            }
        }
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
