using System.Text;
using Resonance.Domain;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>Walks a repository's Merkle search tree in key order, yielding each record's key and CID.</summary>
/// <remarks>
/// Spec: https://atproto.com/specs/repository#mst-structure — a node is <c>{l: CID|null, e: [{p, k, v, t}]}</c>:
/// <c>l</c> is the subtree of keys before the first entry; each entry's key is the previous entry's first <c>p</c>
/// bytes followed by <c>k</c>; <c>v</c> is the record's CID and <c>t</c> the subtree of keys between this entry and
/// the next. Keys are <c>collection/rkey</c> and must ascend. A malformed or missing node is reported as an error at
/// the node's block (or its parent's, for a missing one) and its subtree is left out; the walk goes on. Memory: one
/// node's entries per tree level.
/// </remarks>
internal sealed class MstWalker(CarBlocks blocks, string file)
{
    private string _lastKey = "";

    /// <summary>The records under the tree rooted at <paramref name="root"/>.</summary>
    /// <param name="referrer">The block index that links to the root (the commit), for errors.</param>
    public IEnumerable<MstEntry> Walk(Cid root, int referrer) => WalkNode(root, referrer, "data");

    private IEnumerable<MstEntry> WalkNode(Cid cid, int referrer, string field)
    {
        Dictionary<string, object?> node;
        int index;
        RecordError? error = null;
        try
        {
            if (!blocks.TryReadMap(cid, out index, out node))
            {
                if (!blocks.WasRejected(cid))
                {
                    error = RecordError.At(file, referrer, field, "links to an MST node that is not in the file", cid.ToString());
                }
                index = 0;
                node = [];
            }
        }
        catch (DataModelException e)
        {
            error = RecordError.At(file, referrer, field, $"links to an MST node that is not valid DAG-CBOR: {e.Message}", cid.ToString());
            index = 0;
            node = [];
        }
        if (error is not null)
        {
            yield return new MstEntry("", default, referrer, error);
            yield break;
        }
        if (index == 0)
        {
            yield break;
        }

        var entries = new List<(string Key, Cid Value, Cid? Tree)>();
        Cid? left;
        try
        {
            left = node.OptionalLink("l");
            var previous = "";
            foreach (var item in node.List("e"))
            {
                var entry = item as IReadOnlyDictionary<string, object?> ?? throw new DataModelException("e", "must hold maps");
                var prefix = entry.GetValueOrDefault("p") is long p && p >= 0 && p <= previous.Length ? (int)p
                    : throw new DataModelException("e.p", "must be a prefix length no longer than the previous key");
                var suffix = entry.GetValueOrDefault("k") as byte[] ?? throw new DataModelException("e.k", "must be bytes");
                var key = string.Concat(previous.AsSpan(0, prefix), Encoding.UTF8.GetString(suffix));
                entries.Add((key, entry.Link("v"), entry.OptionalLink("t")));
                previous = key;
            }
        }
        catch (DataModelException e)
        {
            error = RecordError.At(file, index, e.Field, e.Message, "MST node " + cid);
            left = null;
        }
        if (error is not null)
        {
            yield return new MstEntry("", default, index, error);
            yield break;
        }

        if (left is { } l)
        {
            foreach (var e in WalkNode(l, index, "l"))
            {
                yield return e;
            }
        }
        foreach (var (key, value, tree) in entries)
        {
            if (string.CompareOrdinal(key, _lastKey) <= 0)
            {
                yield return new MstEntry(key, value, index, RecordError.At(file, index, "e.k", $"key is not after the previous key '{_lastKey}'", key));
                yield break;
            }
            _lastKey = key;
            yield return new MstEntry(key, value, index, null);
            if (tree is { } t)
            {
                foreach (var e in WalkNode(t, index, "t"))
                {
                    yield return e;
                }
            }
        }
    }
}

/// <summary>One record found in the tree (its <c>collection/rkey</c> key and CID), or an error about the tree.</summary>
/// <param name="Key">The record's path.</param>
/// <param name="Value">The record block's CID.</param>
/// <param name="NodeIndex">The block index of the MST node holding the entry.</param>
/// <param name="Error">What is wrong with the tree here, or null.</param>
internal readonly record struct MstEntry(string Key, Cid Value, int NodeIndex, RecordError? Error);
