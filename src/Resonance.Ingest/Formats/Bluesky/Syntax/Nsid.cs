namespace Resonance.Ingest.Formats.Bluesky.Syntax;

/// <summary>Namespaced identifier syntax (record collections such as <c>app.bsky.feed.post</c>).</summary>
/// <remarks>Spec: https://atproto.com/specs/nsid — a reversed domain authority of at least two segments (the first
/// starting with a letter) and a name segment of letters and digits starting with a letter; segments of at most 63
/// characters; at most 317 characters in all. Checked segment by segment by hand, as the regular expression
/// <c>^[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+\.[a-zA-Z][a-zA-Z0-9]{0,62}\z</c>
/// would (segments hold no dot, so each one's role is fixed by its position).</remarks>
public static class Nsid
{
    /// <summary>True when <paramref name="text"/> is a syntactically valid NSID.</summary>
    public static bool IsValid(string text) => IsValid(text.AsSpan());

    /// <summary>True when <paramref name="text"/> is a syntactically valid NSID.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        if (text.Length > 317)
        {
            return false;
        }
        for (var segment = 0; ; segment++)
        {
            var dot = text.IndexOf('.');
            if (dot < 0)
            {
                return segment >= 2 && IsName(text);
            }
            if (!IsDomainSegment(text[..dot], first: segment == 0))
            {
                return false;
            }
            text = text[(dot + 1)..];
        }
    }

    /// <summary>1–63 letters, digits and inner hyphens, starting with a letter when first, else a letter or digit.</summary>
    private static bool IsDomainSegment(ReadOnlySpan<char> segment, bool first) =>
        segment.Length is > 0 and <= 63
        && (first ? char.IsAsciiLetter(segment[0]) : char.IsAsciiLetterOrDigit(segment[0]))
        && char.IsAsciiLetterOrDigit(segment[^1])
        && !segment.ContainsAnyExcept(SyntaxChars.LettersDigitsHyphen);

    /// <summary>1–63 letters and digits starting with a letter.</summary>
    private static bool IsName(ReadOnlySpan<char> segment) =>
        segment.Length is > 0 and <= 63 && char.IsAsciiLetter(segment[0]) && !segment.ContainsAnyExcept(SyntaxChars.LettersDigits);
}
