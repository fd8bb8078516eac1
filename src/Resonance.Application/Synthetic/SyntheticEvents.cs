namespace Resonance.Application.Synthetic;

/// <summary>What a pending simulation event turns into when emitted.</summary>
internal enum SyntheticEventKind : byte
{
    Follow,
    /// <summary>An original post (Actor = author, Target = mentioned account or −1, Post = its serial).</summary>
    Post,
    Mention,
    Like,
    /// <summary>A repost: a post by the actor (Own) reposting Post, plus the repost interaction.</summary>
    Repost,
    /// <summary>A reply: a post by the actor (Own) replying to Post, plus the reply interaction.</summary>
    Reply,
    /// <summary>A quote: a post by the actor (Own) quoting Post, plus the quote interaction.</summary>
    Quote,
}

/// <summary>A scheduled event: 32 bytes, turned into records only when its day is emitted.</summary>
internal struct SyntheticEvent
{
    public int Time;
    public SyntheticEventKind Kind;
    public short Topic;
    public int Actor;
    public int Target;
    public long Post;
    public long Own;
}

/// <summary>A growable array of events for one day, sortable by (time, insertion order).</summary>
internal sealed class SyntheticEventBuffer
{
    private SyntheticEvent[] _items = new SyntheticEvent[1024];
    private long[] _keys = new long[1024];

    public int Count { get; private set; }

    public ref SyntheticEvent this[int index] => ref _items[index];

    public void Add(in SyntheticEvent e)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        _items[Count++] = e;
    }

    /// <summary>Sorts and returns keys <c>time &lt;&lt; 32 | index</c> (valid up to <see cref="Count"/>): ties keep the order of scheduling, which is deterministic.</summary>
    public long[] SortedKeys()
    {
        if (_keys.Length < Count)
        {
            _keys = new long[_items.Length];
        }
        for (var i = 0; i < Count; i++)
        {
            _keys[i] = ((long)_items[i].Time << 32) | (uint)i;
        }
        Array.Sort(_keys, 0, Count);
        return _keys;
    }

    public void Clear() => Count = 0;
}
