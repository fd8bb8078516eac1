using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Resonance.Ingest.Text;

/// <summary>Turns short UTF-8 byte strings into .NET strings, returning the same string for bytes seen recently, so the
/// keys and type names that every record repeats (<c>createdAt</c>, <c>$type</c>, <c>app.bsky.feed.like</c>) are not
/// allocated again for each record.</summary>
/// <remarks>
/// A direct-mapped cache of <see cref="Slots"/> entries keyed by a hash of the bytes: a lookup is one hash, one slot and
/// one byte comparison; a collision replaces the slot. Memory is bounded (strings of at most <see cref="MaxLength"/>
/// bytes; longer ones are decoded each time). Invalid UTF-8 is never cached: <see cref="TryGet"/> reports it, so a
/// caller that must reject it (DAG-CBOR) can. Not thread-safe: one per reader.
/// </remarks>
internal sealed class Utf8StringCache
{
    /// <summary>Longest byte string cached.</summary>
    public const int MaxLength = 64;

    private const int Slots = 512;

    private readonly Entry[] entries = new Entry[Slots];

    /// <summary>The string for <paramref name="utf8"/>; false when the bytes are not valid UTF-8.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string text)
    {
        if (utf8.Length > MaxLength)
        {
            return Decode(utf8, out text);
        }
        ref var entry = ref entries[Hash(utf8) & (Slots - 1)];
        if (entry.Bytes is { } bytes && utf8.SequenceEqual(bytes))
        {
            text = entry.Text;
            return true;
        }
        if (!Decode(utf8, out text))
        {
            return false;
        }
        entry = new Entry(utf8.ToArray(), text);
        return true;
    }

    /// <summary>The string for <paramref name="utf8"/>, which the caller knows to be valid UTF-8.</summary>
    public string Get(ReadOnlySpan<byte> utf8) => TryGet(utf8, out var text) ? text : Encoding.UTF8.GetString(utf8);

    private static bool Decode(ReadOnlySpan<byte> utf8, out string text)
    {
        if (!Utf8.IsValid(utf8))
        {
            text = "";
            return false;
        }
        text = Encoding.UTF8.GetString(utf8);
        return true;
    }

    /// <summary>Length, first and last four bytes mixed: enough to spread short keys and identifiers.</summary>
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        uint h = (uint)utf8.Length * 0x9E3779B1u;
        if (utf8.Length >= 4)
        {
            h ^= BinaryPrimitives.ReadUInt32LittleEndian(utf8);
            h = (h << 13 | h >> 19) * 0x85EBCA77u;
            h ^= BinaryPrimitives.ReadUInt32LittleEndian(utf8[^4..]);
        }
        else
        {
            foreach (var b in utf8)
            {
                h = (h ^ b) * 0x01000193u;
            }
        }
        h ^= h >> 15;
        h *= 0xC2B2AE3Du;
        return (int)(h ^ (h >> 16));
    }

    private readonly record struct Entry(byte[]? Bytes, string Text);
}
