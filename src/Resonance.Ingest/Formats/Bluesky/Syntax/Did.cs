using System.Text.RegularExpressions;

namespace Resonance.Ingest.Formats.Bluesky.Syntax;

/// <summary>DID syntax as the AT Protocol restricts it.</summary>
/// <remarks>Spec: https://atproto.com/specs/did — <c>did:</c>, a lower-case method, <c>:</c>, an identifier of
/// <c>[a-zA-Z0-9._:%-]</c> not ending in <c>:</c> or <c>%</c>; at most 2 KB.</remarks>
public static partial class Did
{
    /// <summary>True when <paramref name="text"/> is a syntactically valid DID.</summary>
    public static bool IsValid(string text) => text.Length <= 2048 && Pattern().IsMatch(text);

    [GeneratedRegex(@"^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
