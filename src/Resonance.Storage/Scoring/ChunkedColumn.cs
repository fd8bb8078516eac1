namespace Resonance.Storage.Scoring;

/// <summary>A column of values read row by row, held in chunks of <see cref="ChunkLength"/> until <see cref="ToArray"/>
/// copies them into one array of the exact length.</summary>
/// <remarks>For values of at most 8 bytes (numbers, references): a chunk of 8,192 of them stays under the runtime's large-object threshold (85,000 bytes), so
/// a growing read allocates no large object until its one final array. Doubling arrays instead allocates about
/// three times the final size on the large-object heap, and every large allocation past the heap's budget is a full,
/// blocking collection, which marks everything live, such as a topic step's posts read on another thread (bench/README.md).
/// O(1) per value, O(n) to copy out; deterministic (values in the order added).</remarks>
internal sealed class ChunkedColumn<T>
{
    /// <summary>Values per chunk: 64 KiB of 8-byte values.</summary>
    public const int ChunkLength = 8192;

    private readonly List<T[]> _full = [];
    private T[] _chunk = new T[ChunkLength];
    private int _used;

    /// <summary>The number of values added.</summary>
    public int Count => _full.Count * ChunkLength + _used;

    /// <summary>Appends a value.</summary>
    public void Add(T value)
    {
        if (_used == ChunkLength)
        {
            _full.Add(_chunk);
            _chunk = new T[ChunkLength];
            _used = 0;
        }

        _chunk[_used++] = value;
    }

    /// <summary>The values added, in order, in one array of their exact length.</summary>
    public T[] ToArray()
    {
        var result = GC.AllocateUninitializedArray<T>(Count);
        var at = 0;
        foreach (var chunk in _full)
        {
            chunk.CopyTo(result.AsSpan(at));
            at += ChunkLength;
        }

        _chunk.AsSpan(0, _used).CopyTo(result.AsSpan(at));
        return result;
    }
}
