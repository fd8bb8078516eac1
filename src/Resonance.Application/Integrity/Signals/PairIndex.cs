namespace Resonance.Application.Integrity.Signals;

/// <summary>Membership of directed account pairs, for O(1) "does u act on v" look-ups.</summary>
/// <remarks>Only membership and values are read, never the iteration order, so results built on it are deterministic.</remarks>
internal sealed class PairIndex(int accounts)
{
    private readonly Dictionary<long, long> _first = [];

    public static long Key(int u, int v, int n) => ((long)u * n) + v;

    /// <summary>Records u → v at <paramref name="value"/>, keeping the smallest value seen.</summary>
    public void Add(int u, int v, long value)
    {
        var key = Key(u, v, accounts);
        if (!_first.TryGetValue(key, out var old) || value < old)
        {
            _first[key] = value;
        }
    }

    public bool Contains(int u, int v) => _first.ContainsKey(Key(u, v, accounts));

    public bool TryGet(int u, int v, out long value) => _first.TryGetValue(Key(u, v, accounts), out value);
}
