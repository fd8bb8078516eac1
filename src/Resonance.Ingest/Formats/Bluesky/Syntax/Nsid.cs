using System.Text.RegularExpressions;

namespace Resonance.Ingest.Formats.Bluesky.Syntax;

/// <summary>Namespaced identifier syntax (record collections such as <c>app.bsky.feed.post</c>).</summary>
/// <remarks>Spec: https://atproto.com/specs/nsid — a reversed domain authority of at least two segments (the first
/// starting with a letter) and a name segment of letters and digits starting with a letter; segments of at most 63
/// characters; at most 317 characters in all.</remarks>
public static partial class Nsid
{
    /// <summary>True when <paramref name="text"/> is a syntactically valid NSID.</summary>
    public static bool IsValid(string text) => text.Length <= 317 && Pattern().IsMatch(text);

    [GeneratedRegex(@"^[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+\.[a-zA-Z][a-zA-Z0-9]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
