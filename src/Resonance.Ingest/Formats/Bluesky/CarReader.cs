namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>Reads a CAR v1 file section by section from a stream: the header's root, then each block's CID and bytes.</summary>
/// <remarks>
/// Spec: https://ipld.io/specs/transport/car/carv1/ — a varint-prefixed DAG-CBOR header <c>{version: 1, roots: [CID]}</c>,
/// then sections of <c>varint(length) CID data</c> where the length covers the CID and the data. The CID's declared
/// form is parsed and the data hashed against it (<see cref="Cid"/>); a block that fails is reported as a
/// <see cref="CarBlock.Problem"/>, not thrown, so a caller can name it. A broken framing (a truncated section, a bad
/// varint, an unreadable header) throws <see cref="InvalidDataException"/>: nothing after it can be located.
/// Memory: one block's bytes (a reused buffer).
/// </remarks>
internal sealed class CarReader
{
    /// <summary>Largest section accepted (the atproto repository spec limits blocks far below this).</summary>
    public const int MaxSectionLength = 1 << 24;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 16];

    /// <summary>Reads the header.</summary>
    /// <exception cref="InvalidDataException">The header is missing, malformed, not version 1, or names no root.</exception>
    public CarReader(Stream stream)
    {
        _stream = stream;
        var length = Varint.Read(stream) ?? throw new InvalidDataException("the file is empty, not a CAR");
        Position = VarintLength(length);
        var header = ReadSection(length, "header");
        try
        {
            var map = DagCbor.DecodeMap(header);
            if (map.GetValueOrDefault("version") is not 1L)
            {
                throw new InvalidDataException("the CAR header's version is not 1 (only CAR v1 is read)");
            }
            Roots = [.. map.List("roots").Select(r => r is Cid cid ? cid : throw new DataModelException("roots", "must hold CID links"))];
        }
        catch (DataModelException e)
        {
            throw new InvalidDataException($"the CAR header is malformed: {e.Field} {e.Message}", e);
        }
        if (Roots.Count == 0)
        {
            throw new InvalidDataException("the CAR header names no root");
        }
    }

    /// <summary>The header's roots (a repository export has one: the signed commit).</summary>
    public IReadOnlyList<Cid> Roots { get; }

    /// <summary>Bytes consumed so far (the stream position, counted here so any stream works).</summary>
    public long Position { get; private set; }

    /// <summary>Blocks read so far; the current block's 1-based index.</summary>
    public int BlockIndex { get; private set; }

    /// <summary>Reads the next block; false at the end of the file.</summary>
    /// <exception cref="InvalidDataException">The section framing is broken or truncated.</exception>
    public bool TryRead(out CarBlock block)
    {
        block = default;
        var start = Position;
        var length = Varint.Read(_stream);
        if (length is null)
        {
            return false;
        }
        BlockIndex++;
        Position += VarintLength(length.Value);
        var section = ReadSection(length.Value, $"block {BlockIndex}");
        var problem = Cid.TryRead(section.Span, out var cid);
        var dataOffset = Position - section.Length + Cid.Length;
        if (problem is not null)
        {
            block = new CarBlock(BlockIndex, start, cid, default, $"has a CID that {problem}");
            return true;
        }
        var data = section[Cid.Length..];
        block = new CarBlock(BlockIndex, dataOffset, cid, data, cid.Matches(data.Span) ? null : $"does not hash to its CID {cid}");
        return true;
    }

    private ReadOnlyMemory<byte> ReadSection(ulong length, string what)
    {
        if (length > MaxSectionLength)
        {
            throw new InvalidDataException($"the CAR's {what} declares {length:N0} bytes, more than {MaxSectionLength:N0} (corrupt file)");
        }
        var n = (int)length;
        if (_buffer.Length < n)
        {
            _buffer = new byte[Math.Max(n, _buffer.Length * 2)];
        }
        var read = _stream.ReadAtLeast(_buffer.AsSpan(0, n), n, throwOnEndOfStream: false);
        if (read < n)
        {
            throw new InvalidDataException($"the CAR ends inside its {what} ({read:N0} of {n:N0} bytes; truncated file)");
        }
        Position += n;
        return _buffer.AsMemory(0, n);
    }

    private static int VarintLength(ulong value)
    {
        var n = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            n++;
        }
        return n;
    }
}

/// <summary>One CAR block: its 1-based index, where its data starts in the file, its CID and its data.</summary>
/// <param name="Index">1-based block number, used as the record number in errors.</param>
/// <param name="DataOffset">File offset of the data (after the CID).</param>
/// <param name="Cid">The declared CID (default when it could not be parsed).</param>
/// <param name="Data">The data; valid only until the next read.</param>
/// <param name="Problem">Why the block cannot be used (bad CID, hash mismatch), or null.</param>
internal readonly record struct CarBlock(int Index, long DataOffset, Cid Cid, ReadOnlyMemory<byte> Data, string? Problem);
