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
/// accepted; their CID check still holds. Map keys are pooled per thread (a repository repeats a few dozen names).
/// </remarks>
internal static class DagCbor
{
    private const int MaxDepth = 64;

    [ThreadStatic]
    private static StringPool? keys;

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
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException)
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
                var previous = "";
                for (var i = 0; i < pairs; i++)
                {
                    var key = ReadKey(reader);
                    if (i > 0 && !KeyFollows(previous, key))
                    {
                        throw new DataModelException(key, $"map keys must ascend length-first without repeats ('{key}' after '{previous}')");
                    }
                    map[key] = Read(reader, depth + 1);
                    previous = key;
                }
                reader.ReadEndMap();
                return map;
            case CborReaderState.Tag:
                var tag = reader.ReadTag();
                if (tag != (CborTag)42)
                {
                    throw new DataModelException(null, $"CBOR tag {(ulong)tag} is not allowed (only 42, a CID link)");
                }
                return ReadLink(reader.ReadByteString());
            case CborReaderState.HalfPrecisionFloat:
            case CborReaderState.SinglePrecisionFloat:
            case CborReaderState.DoublePrecisionFloat:
                throw new DataModelException(null, "floats are not allowed in the AT Protocol data model");
            default:
                throw new DataModelException(null, $"unexpected CBOR item ({reader.PeekState()})");
        }
    }

    private static string ReadKey(CborReader reader)
    {
        if (reader.PeekState() != CborReaderState.TextString)
        {
            throw new DataModelException(null, "a map key is not a text string");
        }
        Span<char> chars = stackalloc char[128];
        if (reader.TryReadTextString(chars, out var length))
        {
            return (keys ??= new StringPool()).Get(chars[..length]);
        }
        return reader.ReadTextString();
    }

    /// <summary>DAG-CBOR key order: shorter UTF-8 first, then bytewise.</summary>
    private static bool KeyFollows(string previous, string key)
    {
        var a = Encoding.UTF8.GetByteCount(previous);
        var b = Encoding.UTF8.GetByteCount(key);
        return a < b || (a == b && string.CompareOrdinal(previous, key) < 0);
    }

    private static Cid ReadLink(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes[0] != 0)
        {
            throw new DataModelException(null, "a CID link lacks its 0x00 multibase prefix");
        }
        if (Cid.TryRead(bytes.AsSpan(1), out var cid) is { } problem)
        {
            throw new DataModelException(null, $"a CID link {problem}");
        }
        return bytes.Length == 1 + Cid.Length ? cid : throw new DataModelException(null, "a CID link has bytes after the digest");
    }
}
