using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>Where each block of a CAR file lies, so blocks can be read back by CID in any order (the MST walk).</summary>
/// <remarks>
/// Built by one sequential pass (<see cref="Add"/>); blocks are then read with positioned reads on the file handle,
/// so only offsets are held: per distinct block its CID (40 bytes), offset, length, index and a visited flag, about
/// 80 bytes with the dictionary's overhead (a 1 GB repository of 4 M blocks: about 320 MB). Record contents are never
/// all in memory. The first copy of a CID written twice is used. A small file already read whole into memory is served
/// from there instead (no read call per block).
/// </remarks>
internal sealed class CarBlocks
{
    private readonly SafeFileHandle? file;
    private readonly ReadOnlyMemory<byte> whole;

    /// <summary>Blocks read back from the file.</summary>
    public CarBlocks(SafeFileHandle file) => this.file = file;

    /// <summary>Blocks read back from the whole file's bytes, held by the caller.</summary>
    public CarBlocks(ReadOnlyMemory<byte> whole) => this.whole = whole;

    private readonly Dictionary<Cid, Entry> _entries = [];
    private readonly HashSet<Cid> _rejected = [];
    private byte[] _buffer = [];

    /// <summary>Bytes of the blocks read back so far (for progress).</summary>
    public long BytesVisited { get; private set; }

    /// <summary>Notes a block that hashed to its CID.</summary>
    public void Add(in CarBlock block) => _entries.TryAdd(block.Cid, new Entry(block.DataOffset, block.Data.Length, block.Index, false));

    /// <summary>Notes a block that failed its check (already reported), so links to it are not reported again as missing.</summary>
    public void Reject(Cid cid) => _rejected.Add(cid);

    /// <summary>True when <paramref name="cid"/> named a block that failed its check.</summary>
    public bool WasRejected(Cid cid) => _rejected.Contains(cid);

    /// <summary>Reads and decodes the block <paramref name="cid"/> as a map, marking it visited; false when the file lacks it.</summary>
    /// <param name="index">The block's 1-based index in the file, for errors.</param>
    /// <exception cref="DataModelException">The block is not a DAG-CBOR map.</exception>
    public bool TryReadMap(Cid cid, out int index, out Dictionary<string, object?> map)
    {
        map = null!;
        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_entries, cid);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref entry))
        {
            index = 0;
            return false;
        }
        index = entry.Index;
        entry = entry with { Visited = true };
        BytesVisited += entry.Length;
        if (file is null)
        {
            map = DagCbor.DecodeMap(whole.Slice((int)entry.Offset, entry.Length));
            return true;
        }
        if (_buffer.Length < entry.Length)
        {
            _buffer = new byte[Math.Max(entry.Length, _buffer.Length * 2)];
        }
        var data = _buffer.AsMemory(0, entry.Length);
        if (RandomAccess.Read(file, data.Span, entry.Offset) != entry.Length)
        {
            throw new InvalidDataException($"the CAR file changed while it was read (block {entry.Index})");
        }
        map = DagCbor.DecodeMap(data);
        return true;
    }

    /// <summary>The 1-based indexes of blocks never read back, in file order: blocks outside the current tree.</summary>
    public IEnumerable<int> Unvisited() => _entries.Values.Where(e => !e.Visited).Select(e => e.Index);

    private readonly record struct Entry(long Offset, int Length, int Index, bool Visited);
}
