namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>Unsigned LEB128 variable-length integers as used by multiformats and CAR section lengths.</summary>
/// <remarks>Spec: https://github.com/multiformats/unsigned-varint — at most 9 bytes, minimal encoding required.</remarks>
internal static class Varint
{
    /// <summary>Longest varint the spec allows (63 bits of payload).</summary>
    public const int MaxLength = 9;

    /// <summary>Decodes a varint at the start of <paramref name="bytes"/>; returns the bytes used, 0 when truncated, -1 when invalid.</summary>
    public static int TryRead(ReadOnlySpan<byte> bytes, out ulong value)
    {
        value = 0;
        for (var i = 0; i < bytes.Length && i < MaxLength; i++)
        {
            var b = bytes[i];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return b == 0 && i > 0 ? -1 : i + 1;
            }
        }
        return bytes.Length >= MaxLength ? -1 : 0;
    }

    /// <summary>Reads a varint from <paramref name="stream"/>; null at a clean end of stream (no byte read).</summary>
    /// <exception cref="InvalidDataException">The stream ends inside the varint, or the varint is not minimal or too long.</exception>
    public static ulong? Read(Stream stream)
    {
        ulong value = 0;
        for (var i = 0; i < MaxLength; i++)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return i == 0 ? null : throw new InvalidDataException("the input ends inside a varint (truncated file)");
            }
            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return b == 0 && i > 0 ? throw new InvalidDataException("a varint is not minimally encoded") : value;
            }
        }
        throw new InvalidDataException("a varint is longer than 9 bytes");
    }
}
