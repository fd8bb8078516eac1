using System.Text.RegularExpressions;

namespace Resonance.Ingest.Formats.Bluesky.Syntax;

/// <summary>Handle syntax: a DNS host name of at least two labels.</summary>
/// <remarks>Spec: https://atproto.com/specs/handle — labels of 1–63 ASCII letters, digits and inner hyphens; the last
/// label (TLD) starts with a letter; at most 253 characters. Case-insensitive.</remarks>
public static partial class Handle
{
    /// <summary>True when <paramref name="text"/> is a syntactically valid handle.</summary>
    public static bool IsValid(string text) => IsValid(text.AsSpan());

    /// <summary>True when <paramref name="text"/> is a syntactically valid handle.</summary>
    public static bool IsValid(ReadOnlySpan<char> text) => text.Length <= 253 && Pattern().IsMatch(text);

    [GeneratedRegex(@"^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>An at-identifier: a handle or a DID.</summary>
/// <remarks>Spec: https://atproto.com/specs/lexicon#string-formats (<c>at-identifier</c>).</remarks>
public static class AtIdentifier
{
    /// <summary>True when <paramref name="text"/> is a valid DID or handle.</summary>
    public static bool IsValid(string text) => IsValid(text.AsSpan());

    /// <summary>True when <paramref name="text"/> is a valid DID or handle.</summary>
    public static bool IsValid(ReadOnlySpan<char> text) => text.StartsWith("did:", StringComparison.Ordinal) ? Did.IsValid(text) : Handle.IsValid(text);
}
