using System.Buffers;

namespace Resonance.Ingest.Formats.Bluesky.Syntax;

/// <summary>DID syntax as the AT Protocol restricts it.</summary>
/// <remarks>Spec: https://atproto.com/specs/did — <c>did:</c>, a lower-case method, <c>:</c>, an identifier of
/// <c>[a-zA-Z0-9._:%-]</c> not ending in <c>:</c> or <c>%</c>; at most 2 KB. Checked by hand (the regular expression
/// <c>^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]\z</c>, one pass over the characters): every record's actor is
/// checked, so this is on the importers' hot path.</remarks>
public static class Did
{
    private static readonly SearchValues<char> IdentifierChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:%-");

    /// <summary>True when <paramref name="text"/> is a syntactically valid DID.</summary>
    public static bool IsValid(string text) => IsValid(text.AsSpan());

    /// <summary>True when <paramref name="text"/> is a syntactically valid DID.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        if (text.Length > 2048 || !text.StartsWith("did:", StringComparison.Ordinal))
        {
            return false;
        }
        var rest = text[4..];
        var colon = rest.IndexOf(':');
        if (colon <= 0 || rest[..colon].ContainsAnyExceptInRange('a', 'z'))
        {
            return false;
        }
        var identifier = rest[(colon + 1)..];
        return identifier.Length > 0 && !identifier.ContainsAnyExcept(IdentifierChars) && identifier[^1] is not (':' or '%');
    }
}
