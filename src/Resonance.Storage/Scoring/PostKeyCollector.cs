using System.Text;
using Resonance.Application.Scoring;

namespace Resonance.Storage.Scoring;

/// <summary>Collects the post key of each interaction row as it is read into an <see cref="InteractionPostKeys"/>, on the
/// key's UTF-8 bytes as the store sends them: each row is one probe of an open-addressing table (linear probing, a keyed
/// hash of the bytes and the key's index in one entry, so a probe compares bytes only on a full hash match), and each
/// distinct key is kept once as bytes and made a string once, in <see cref="Build"/>.</summary>
/// <remarks>A dictionary of strings costs a UTF-8 to UTF-16 conversion, a string hash and three dependent cache misses
/// (bucket, entry, string) per row; this is one miss in the table and one in the key bytes (bench/README.md). The hash is
/// <see cref="HashCode.AddBytes"/>, randomly seeded per process, so crafted keys cannot be made to collide on purpose; the
/// result does not depend on it. O(total key length); deterministic (indexes in order of first appearance).</remarks>
internal sealed class PostKeyCollector
{
    private readonly ChunkedColumn<int> _of = new();
    // The distinct keys' UTF-8, back to back: key k is _bytes[_starts[k].._starts[k + 1]].
    private byte[] _bytes = new byte[4096];
    private int[] _starts = new int[1025];
    private int _keyCount;
    // Per entry, (hash << 32) | (key index + 1); 0 is empty. Kept at most half full.
    private long[] _table = new long[2048];
    private byte[] _encoded = new byte[64];

    /// <summary>The next row's post key (empty: none).</summary>
    public void Add(string key)
    {
        var most = Encoding.UTF8.GetMaxByteCount(key.Length);
        if (_encoded.Length < most)
        {
            _encoded = new byte[Math.Max(most, _encoded.Length * 2)];
        }

        Add(_encoded.AsSpan(0, Encoding.UTF8.GetBytes(key, _encoded)));
    }

    /// <summary>The next row's post key as UTF-8 (empty: none).</summary>
    public void Add(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            _of.Add(-1);
            return;
        }

        var hashCode = new HashCode();
        hashCode.AddBytes(utf8);
        var hash = (uint)hashCode.ToHashCode();
        var mask = _table.Length - 1;
        for (var i = (int)(hash & mask); ; i = (i + 1) & mask)
        {
            var entry = _table[i];
            if (entry == 0)
            {
                _of.Add(Insert(utf8, hash, i));
                return;
            }

            if ((uint)(entry >> 32) == hash && Key((int)(uint)entry - 1).SequenceEqual(utf8))
            {
                _of.Add((int)(uint)entry - 1);
                return;
            }
        }
    }

    /// <summary>The keys of the rows added.</summary>
    public InteractionPostKeys Build()
    {
        var keys = new string[_keyCount];
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = Encoding.UTF8.GetString(Key(k));
        }

        return new InteractionPostKeys(_of.ToArray(), keys);
    }

    private ReadOnlySpan<byte> Key(int index) => _bytes.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>Adds a new distinct key at the empty entry <paramref name="at"/>; returns its index.</summary>
    private int Insert(ReadOnlySpan<byte> utf8, uint hash, int at)
    {
        var index = _keyCount++;
        if (_keyCount == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
        }

        var start = _starts[index];
        if (_bytes.Length - start < utf8.Length)
        {
            Array.Resize(ref _bytes, Math.Max(start + utf8.Length, _bytes.Length * 2));
        }

        utf8.CopyTo(_bytes.AsSpan(start));
        _starts[index + 1] = start + utf8.Length;
        _table[at] = ((long)hash << 32) | (uint)(index + 1);
        if (_keyCount * 2 > _table.Length)
        {
            Grow();
        }

        return index;
    }

    /// <summary>Doubles the table, placing every entry again by its hash.</summary>
    private void Grow()
    {
        var old = _table;
        _table = new long[old.Length * 2];
        var mask = _table.Length - 1;
        foreach (var entry in old)
        {
            if (entry != 0)
            {
                var i = (int)((uint)(entry >> 32) & mask);
                while (_table[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                _table[i] = entry;
            }
        }
    }
}
