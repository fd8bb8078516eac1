namespace Resonance.Ingest.Formats.Bluesky.Syntax;

/// <summary>A parsed AT URI in the restricted form records use: <c>at://AUTHORITY[/COLLECTION[/RKEY]]</c>.</summary>
/// <remarks>
/// Spec: https://atproto.com/specs/at-uri-scheme (restricted syntax) — the authority is a DID or a handle, the
/// collection an NSID and the record key a record key; no query, no fragment, no trailing slash; at most 8 KB.
/// </remarks>
/// <param name="Authority">The DID or handle.</param>
/// <param name="Collection">The collection NSID, or null.</param>
/// <param name="RecordKey">The record key, or null.</param>
public sealed record AtUri(string Authority, string? Collection, string? RecordKey)
{
    private const string Scheme = "at://";

    /// <summary>True when the authority is a DID (so it names an account offline), false for a handle.</summary>
    public bool HasDid => Authority.StartsWith("did:", StringComparison.Ordinal);

    /// <summary>True when <paramref name="text"/> is a valid restricted AT URI.</summary>
    public static bool IsValid(string text) => TryParse(text) is not null;

    /// <summary>Parses <paramref name="text"/>; null when it is not a valid restricted AT URI.</summary>
    public static AtUri? TryParse(string text)
    {
        if (text.Length > 8192 || !text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return null;
        }
        // AUTHORITY[/COLLECTION[/RKEY]], split by hand: at most two slashes, every part valid (so none empty).
        var rest = text.AsSpan(Scheme.Length);
        var first = rest.IndexOf('/');
        var authority = first < 0 ? rest : rest[..first];
        if (!AtIdentifier.IsValid(authority))
        {
            return null;
        }
        if (first < 0)
        {
            return new AtUri(authority.ToString(), null, null);
        }
        var path = rest[(first + 1)..];
        var second = path.IndexOf('/');
        var collection = second < 0 ? path : path[..second];
        var rkey = second < 0 ? default : path[(second + 1)..];
        if (!Syntax.Nsid.IsValid(collection) || (second >= 0 && !Syntax.RecordKey.IsValid(rkey)))
        {
            return null;
        }
        return new AtUri(authority.ToString(), collection.ToString(), second < 0 ? null : rkey.ToString());
    }

    /// <summary>The URI of record <paramref name="rkey"/> in <paramref name="collection"/> of repository <paramref name="did"/>.</summary>
    public static string Format(string did, string collection, string rkey) => string.Concat(Scheme, did, "/", collection, "/", rkey);

    /// <summary>The URI text.</summary>
    public override string ToString() =>
        Collection is null ? Scheme + Authority : RecordKey is null ? $"{Scheme}{Authority}/{Collection}" : Format(Authority, Collection, RecordKey);
}
