namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>RFC 4648 base32, lower case, unpadded: the multibase <c>b</c> encoding of CIDv1 strings.</summary>
/// <remarks>Spec: https://www.rfc-editor.org/rfc/rfc4648#section-6 and https://github.com/multiformats/multibase.</remarks>
internal static class Base32
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>Encodes <paramref name="bytes"/> without padding.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[(bytes.Length * 8 + 4) / 5];
        int bits = 0, buffer = 0, n = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[n++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            chars[n++] = Alphabet[(buffer << (5 - bits)) & 31];
        }
        return new string(chars, 0, n);
    }

    /// <summary>Decodes unpadded lower-case base32; null when a character is outside the alphabet or leftover bits are set.</summary>
    public static byte[]? Decode(ReadOnlySpan<char> text)
    {
        var bytes = new byte[text.Length * 5 / 8];
        int bits = 0, buffer = 0, n = 0;
        foreach (var c in text)
        {
            var v = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (v < 0)
            {
                return null;
            }
            buffer = ((buffer << 5) | v) & 0xFFF;
            bits += 5;
            if (bits >= 8)
            {
                bytes[n++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return (buffer & ((1 << bits) - 1)) == 0 ? bytes : null;
    }
}
