using System.Formats.Cbor;
using System.Text;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>Decodes DAG-CBOR into the AT Protocol data model, using <see cref="CborReader"/>.</summary>
/// <remarks>
/// Specs: https://ipld.io/specs/codecs/dag-cbor/spec/ and https://atproto.com/specs/data-model. Values come out as
/// <c>null</c>, <see cref="bool"/>, <see cref="long"/>, <see cref="string"/>, <see cref="T:byte[]"/>, <see cref="Cid"/>
/// (tag 42 over the CID bytes behind a 0x00 multibase prefix), <see cref="List{T}"/> of values, or
/// <see cref="Dictionary{TKey,TValue}"/> from string to value. DAG-CBOR's encoding rules checked here: definite
/// lengths only, map keys strictly ascending length-first then bytewise (which also rules out duplicates). Floats
/// (not in the atproto data model), other tags, and maps keyed by non-strings are rejected with a
/// <see cref="DataModelException"/>. Not checked: shortest-form integer and length heads (CborReader's canonical mode
/// checks them, but costs about twice the decoding time, and a longer head changes no value), so such blocks are
/// accepted; their CID check still holds. Map keys are read as byte slices of the block (ordered bytewise, as the spec
/// says) and their strings shared per thread (a repository repeats a few dozen names); links are read onto the stack.
/// </remarks>
internal static class DagCbor
{
    private const int MaxDepth = 64;

    /// <summary>Room for a link's bytes: the 0x00 prefix and a 36-byte CID, with slack so a longer one is still read and
    /// reported as such.</summary>
    private const int LinkBufferLength = 64;

    [ThreadStatic]
    private static Utf8StringCache? keys;

    /// <summary>Decodes exactly one value filling <paramref name="data"/>.</summary>
    /// <exception cref="DataModelException">The bytes are not one valid DAG-CBOR data-model value.</exception>
    public static object? Decode(ReadOnlyMemory<byte> data)
    {
        try
        {
            var reader = new CborReader(data, CborConformanceMode.Lax);
            var value = Read(reader, 0);
            if (reader.BytesRemaining != 0)
            {
                throw new DataModelException(null, $"{reader.BytesRemaining} bytes follow the DAG-CBOR value");
            }
            return value;
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new DataModelException(null, $"not valid DAG-CBOR: {e.Message}");
        }
    }

    /// <summary>Decodes a value that must be a map.</summary>
    /// <exception cref="DataModelException">It is not valid DAG-CBOR, or not a map.</exception>
    public static Dictionary<string, object?> DecodeMap(ReadOnlyMemory<byte> data) =>
        Decode(data) as Dictionary<string, object?> ?? throw new DataModelException(null, "the DAG-CBOR value is not a map");

    private static object? Read(CborReader reader, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new DataModelException(null, $"values nest deeper than {MaxDepth}");
        }
        switch (reader.PeekState())
        {
            case CborReaderState.UnsignedInteger:
            case CborReaderState.NegativeInteger:
                return reader.ReadInt64();
            case CborReaderState.TextString:
                return reader.ReadTextString();
            case CborReaderState.ByteString:
                return reader.ReadByteString();
            case CborReaderState.Boolean:
                return reader.ReadBoolean();
            case CborReaderState.Null:
                reader.ReadNull();
                return null;
            case CborReaderState.StartArray:
                var count = reader.ReadStartArray() ?? throw new DataModelException(null, "indefinite-length arrays are not allowed");
                var list = new List<object?>(count);
                for (var i = 0; i < count; i++)
                {
                    list.Add(Read(reader, depth + 1));
                }
                reader.ReadEndArray();
                return list;
            case CborReaderState.StartMap:
                var pairs = reader.ReadStartMap() ?? throw new DataModelException(null, "indefinite-length maps are not allowed");
                var map = new Dictionary<string, object?>(pairs, StringComparer.Ordinal);
                var previous = ReadOnlySpan<byte>.Empty;
                var previousKey = "";
                for (var i = 0; i < pairs; i++)
                {
                    var key = ReadKey(reader, out var bytes);
                    if (i > 0 && !KeyFollows(previous, previousKey, bytes, key))
                    {
                        throw new DataModelException(key, $"map keys must ascend length-first without repeats ('{key}' after '{previousKey}')");
                    }
                    map[key] = Read(reader, depth + 1);
                    previous = bytes;
                    previousKey = key;
                }
                reader.ReadEndMap();
                return map;
            case CborReaderState.Tag:
                var tag = reader.ReadTag();
                if (tag != (CborTag)42)
                {
                    throw new DataModelException(null, $"CBOR tag {(ulong)tag} is not allowed (only 42, a CID link)");
                }
                Span<byte> link = stackalloc byte[LinkBufferLength];
                return reader.TryReadByteString(link, out var length) ? ReadLink(link[..length]) : ReadLink(reader.ReadByteString());
            case CborReaderState.HalfPrecisionFloat:
            case CborReaderState.SinglePrecisionFloat:
            case CborReaderState.DoublePrecisionFloat:
                throw new DataModelException(null, "floats are not allowed in the AT Protocol data model");
            default:
                throw new DataModelException(null, $"unexpected CBOR item ({reader.PeekState()})");
        }
    }

    /// <summary>Reads a map key as its UTF-8 bytes (a slice of the block, no copy) and their string, shared through a
    /// per-thread <see cref="Utf8StringCache"/> (a repository repeats a few dozen key names).</summary>
    private static string ReadKey(CborReader reader, out ReadOnlySpan<byte> utf8)
    {
        if (reader.PeekState() != CborReaderState.TextString)
        {
            throw new DataModelException(null, "a map key is not a text string");
        }
        utf8 = reader.ReadDefiniteLengthTextStringBytes().Span;
        // As CborReader's lax mode does, invalid UTF-8 decodes with replacement characters (the CID check still holds).
        return (keys ??= new Utf8StringCache()).Get(utf8);
    }

    /// <summary>DAG-CBOR key order: shorter UTF-8 first, then bytewise.</summary>
    /// <remarks>ASCII keys (all real ones) are compared as the bytes in the block. Others are compared as their decoded
    /// strings (UTF-8 length, then ordinal), as before this fast path, so an invalid byte (decoded as a replacement
    /// character) orders as it always did.</remarks>
    private static bool KeyFollows(ReadOnlySpan<byte> previous, string previousKey, ReadOnlySpan<byte> key, string keyText)
    {
        if (Ascii.IsValid(previous) && Ascii.IsValid(key))
        {
            return previous.Length < key.Length || (previous.Length == key.Length && previous.SequenceCompareTo(key) < 0);
        }
        var a = Encoding.UTF8.GetByteCount(previousKey);
        var b = Encoding.UTF8.GetByteCount(keyText);
        return a < b || (a == b && string.CompareOrdinal(previousKey, keyText) < 0);
    }

    private static Cid ReadLink(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0 || bytes[0] != 0)
        {
            throw new DataModelException(null, "a CID link lacks its 0x00 multibase prefix");
        }
        if (Cid.TryRead(bytes[1..], out var cid) is { } problem)
        {
            throw new DataModelException(null, $"a CID link {problem}");
        }
        return bytes.Length == 1 + Cid.Length ? cid : throw new DataModelException(null, "a CID link has bytes after the digest");
    }
}
