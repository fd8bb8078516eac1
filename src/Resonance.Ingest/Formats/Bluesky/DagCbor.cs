using System.Formats.Cbor;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>Decodes DAG-CBOR into the AT Protocol data model, using <see cref="CborReader"/>.</summary>
/// <remarks>
/// Specs: https://ipld.io/specs/codecs/dag-cbor/spec/ and https://atproto.com/specs/data-model. Values come out as
/// <c>null</c>, <see cref="bool"/>, <see cref="long"/>, <see cref="string"/>, <see cref="T:byte[]"/>, <see cref="Cid"/>
/// (tag 42 over the CID bytes behind a 0x00 multibase prefix), <see cref="List{T}"/> of values, or
/// <see cref="Dictionary{TKey,TValue}"/> from string to value. The reader runs in canonical mode, which enforces what
/// DAG-CBOR requires of an encoding: definite lengths, shortest integers, map keys sorted length-first, no duplicate
/// keys. Floats (not in the atproto data model), other tags, and maps keyed by non-strings are rejected with a
/// <see cref="DataModelException"/>.
/// </remarks>
internal static class DagCbor
{
    private const int MaxDepth = 64;

    /// <summary>Decodes exactly one value filling <paramref name="data"/>.</summary>
    /// <exception cref="DataModelException">The bytes are not one valid DAG-CBOR data-model value.</exception>
    public static object? Decode(ReadOnlyMemory<byte> data)
    {
        try
        {
            var reader = new CborReader(data, CborConformanceMode.Canonical);
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
                var count = reader.ReadStartArray() ?? 0;
                var list = new List<object?>(count);
                for (var i = 0; i < count; i++)
                {
                    list.Add(Read(reader, depth + 1));
                }
                reader.ReadEndArray();
                return list;
            case CborReaderState.StartMap:
                var pairs = reader.ReadStartMap() ?? 0;
                var map = new Dictionary<string, object?>(pairs, StringComparer.Ordinal);
                for (var i = 0; i < pairs; i++)
                {
                    if (reader.PeekState() != CborReaderState.TextString)
                    {
                        throw new DataModelException(null, "a map key is not a text string");
                    }
                    var key = reader.ReadTextString();
                    map[key] = Read(reader, depth + 1);
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
