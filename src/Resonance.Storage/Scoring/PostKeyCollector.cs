using System.Text;
using Resonance.Application.Scoring;

namespace Resonance.Storage.Scoring;

/// <summary>Collects the post key of each interaction row as it is read into an <see cref="InteractionPostKeys"/>: each
/// distinct key is made a string once (a span is looked up first), so a window's millions of rows cost one dictionary
/// probe each and a string per distinct post. O(total key length); deterministic (indexes in order of first appearance).</summary>
internal sealed class PostKeyCollector
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _keys = [];
    private int[] _of = new int[4096];
    private int _count;
    private char[] _chars = new char[64];

    public PostKeyCollector() => _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The next row's post key (empty: none).</summary>
    public void Add(ReadOnlySpan<char> key)
    {
        if (_count == _of.Length)
        {
            Array.Resize(ref _of, _of.Length * 2);
        }

        if (key.IsEmpty)
        {
            _of[_count++] = -1;
            return;
        }

        if (!_lookup.TryGetValue(key, out var index))
        {
            index = _keys.Count;
            var s = key.ToString();
            _keys.Add(s);
            _index.Add(s, index);
        }

        _of[_count++] = index;
    }

    /// <summary>The next row's post key as UTF-8 (empty: none).</summary>
    public void Add(ReadOnlySpan<byte> utf8)
    {
        var length = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (_chars.Length < length)
        {
            _chars = new char[length];
        }

        Add(_chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars)));
    }

    /// <summary>The keys of the rows added.</summary>
    public InteractionPostKeys Build() => new(_of[.._count], [.. _keys]);
}
