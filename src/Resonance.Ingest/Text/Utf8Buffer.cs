using System.Text;

namespace Resonance.Ingest.Text;

/// <summary>A reused, growing UTF-8 byte buffer for handing text lines to <see cref="System.Text.Json.Utf8JsonReader"/>.</summary>
internal sealed class Utf8Buffer
{
    private byte[] bytes = new byte[4096];

    /// <summary>Bytes held.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes held; valid until the next change.</summary>
    public ReadOnlySpan<byte> Span => bytes.AsSpan(0, Length);

    /// <summary>Empties the buffer.</summary>
    public void Clear() => Length = 0;

    /// <summary>Replaces the content with <paramref name="text"/> encoded as UTF-8 and returns it.</summary>
    public ReadOnlySpan<byte> Encode(ReadOnlySpan<char> text)
    {
        Clear();
        Append(text);
        return Span;
    }

    /// <summary>Appends <paramref name="text"/> encoded as UTF-8.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        var needed = Length + Encoding.UTF8.GetMaxByteCount(text.Length);
        if (needed > bytes.Length)
        {
            Array.Resize(ref bytes, Math.Max(needed, bytes.Length * 2));
        }
        Length += Encoding.UTF8.GetBytes(text, bytes.AsSpan(Length));
    }
}
