using System.Buffers.Binary;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>A content identifier of the kind the AT Protocol uses: CIDv1, codec dag-cbor or raw, sha2-256 multihash.</summary>
/// <remarks>
/// Specs: https://github.com/multiformats/cid (binary form: varint version, varint codec, multihash),
/// https://github.com/multiformats/multihash (varint hash code 0x12 = sha2-256, varint length 32, digest) and
/// https://atproto.com/specs/data-model#link-and-cid-formats (the "blessed" form: v1, dag-cbor 0x71 or raw 0x55,
/// sha2-256). Every field of this form fits in one byte, so the binary form is always 36 bytes. The value is
/// unmanaged (no allocation), fit as a dictionary key.
/// </remarks>
public readonly record struct Cid(byte Codec, ulong D0, ulong D1, ulong D2, ulong D3)
{
    /// <summary>Multicodec dag-cbor.</summary>
    public const byte DagCbor = 0x71;

    /// <summary>Multicodec raw (blobs).</summary>
    public const byte Raw = 0x55;

    /// <summary>Length of the binary form.</summary>
    public const int Length = 36;

    private const byte Sha256 = 0x12;

    /// <summary>The CID of <paramref name="data"/> under <paramref name="codec"/>.</summary>
    public static Cid Compute(byte codec, ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[32];
        Sha256Digest.Hash(data, digest);
        return FromDigest(codec, digest);
    }

    /// <summary>True when <paramref name="data"/> hashes to this CID's digest.</summary>
    public bool Matches(ReadOnlySpan<byte> data) => Compute(Codec, data) == this;

    /// <summary>Parses the binary form at the start of <paramref name="bytes"/>; returns the problem, or null.</summary>
    public static string? TryRead(ReadOnlySpan<byte> bytes, out Cid cid)
    {
        cid = default;
        if (bytes.Length >= 2 && bytes[0] == Sha256 && bytes[1] == 32)
        {
            return "is a CIDv0, which the AT Protocol does not use";
        }
        if (bytes.Length < Length)
        {
            return $"is {bytes.Length} bytes, shorter than a CIDv1 with a sha2-256 multihash (36)";
        }
        if (bytes[0] != 1)
        {
            return $"has CID version {bytes[0]}, not 1";
        }
        if (bytes[1] is not (DagCbor or Raw))
        {
            return $"has multicodec 0x{bytes[1]:x2}, not dag-cbor (0x71) or raw (0x55)";
        }
        if (bytes[2] != Sha256 || bytes[3] != 32)
        {
            return $"has multihash 0x{bytes[2]:x2} of length {bytes[3]}, not sha2-256 (0x12) of length 32";
        }
        cid = FromDigest(bytes[1], bytes.Slice(4, 32));
        return null;
    }

    /// <summary>Parses a multibase base32 (<c>b…</c>) CIDv1 string; returns the problem, or null.</summary>
    public static string? TryParse(ReadOnlySpan<char> text, out Cid cid)
    {
        cid = default;
        if (text.Length < 2 || text[0] != 'b')
        {
            return "is not a base32 (multibase 'b') CIDv1 string";
        }
        var bytes = Base32.Decode(text[1..]);
        if (bytes is null)
        {
            return "is not valid base32";
        }
        if (TryRead(bytes, out cid) is { } problem)
        {
            return problem;
        }
        return bytes.Length == Length ? null : "has bytes after the digest";
    }

    /// <summary>Writes the 36-byte binary form.</summary>
    public void Write(Span<byte> destination)
    {
        destination[0] = 1;
        destination[1] = Codec;
        destination[2] = Sha256;
        destination[3] = 32;
        BinaryPrimitives.WriteUInt64BigEndian(destination[4..], D0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[12..], D1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[20..], D2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[28..], D3);
    }

    /// <summary>The base32 string form, for example <c>bafyrei…</c>.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        Write(bytes);
        return "b" + Base32.Encode(bytes);
    }

    private static Cid FromDigest(byte codec, ReadOnlySpan<byte> digest) => new(codec,
        BinaryPrimitives.ReadUInt64BigEndian(digest),
        BinaryPrimitives.ReadUInt64BigEndian(digest[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(digest[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(digest[24..]));
}
