using System.Text.RegularExpressions;

namespace Resonance.Ingest.Formats.Bluesky.Syntax;

/// <summary>Record key syntax (the last segment of a record's path).</summary>
/// <remarks>Spec: https://atproto.com/specs/record-key — 1–512 characters of <c>[a-zA-Z0-9_~.:-]</c>, never <c>.</c> or <c>..</c>.</remarks>
public static class RecordKey
{
    /// <summary>True when <paramref name="text"/> is a syntactically valid record key.</summary>
    public static bool IsValid(string text) => IsValid(text.AsSpan());

    /// <summary>True when <paramref name="text"/> is a syntactically valid record key.</summary>
    public static bool IsValid(ReadOnlySpan<char> text) =>
        text.Length is > 0 and <= 512 && !text.ContainsAnyExcept(SyntaxChars.RecordKeyChars) && !text.SequenceEqual(".") && !text.SequenceEqual("..");
}

/// <summary>Timestamp identifier syntax (the usual record key).</summary>
/// <remarks>Spec: https://atproto.com/specs/tid — 13 characters of base32-sortable, the first with the top bit clear.</remarks>
public static partial class Tid
{
    /// <summary>True when <paramref name="text"/> is a syntactically valid TID.</summary>
    public static bool IsValid(string text) => Pattern().IsMatch(text);

    [GeneratedRegex(@"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>The loose CID string syntax of Lexicon's <c>cid</c> format (the string is not decoded).</summary>
/// <remarks>Spec: https://atproto.com/specs/lexicon#cid — 8–256 characters of <c>[a-zA-Z0-9+=]</c>; CIDv0 strings
/// (<c>Qmb…</c>, base58 sha2-256) are not allowed. <see cref="Cid.TryParse"/>
/// decodes the strict form the protocol itself writes.</remarks>
public static partial class CidSyntax
{
    /// <summary>True when <paramref name="text"/> has the syntax of a CID string.</summary>
    public static bool IsValid(string text) => Pattern().IsMatch(text) && !text.StartsWith("Qmb", StringComparison.Ordinal);

    [GeneratedRegex(@"^[a-zA-Z0-9+=]{8,256}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
