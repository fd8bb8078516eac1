using System.Globalization;
using System.Text.RegularExpressions;

namespace Resonance.Ingest.Formats.Bluesky.Syntax;

/// <summary>The AT Protocol datetime: RFC 3339 with upper-case <c>T</c> and <c>Z</c>, seconds, and a required offset.</summary>
/// <remarks>Spec: https://atproto.com/specs/lexicon#datetime — the intersection of RFC 3339 and ISO 8601; <c>-00:00</c>
/// is not allowed. <see cref="IsValid"/> checks the syntax; <see cref="TryParse"/> also requires a real time (no month 13).
/// Year 0000 is valid syntax that .NET cannot represent, so it does not parse.</remarks>
public static partial class AtDatetime
{
    /// <summary>True when <paramref name="text"/> has datetime syntax.</summary>
    public static bool IsValid(string text) => Pattern().IsMatch(text) && !text.EndsWith("-00:00", StringComparison.Ordinal);

    /// <summary>Parses a valid datetime into UTC; false when the syntax or the date is invalid.</summary>
    public static bool TryParse(string text, out DateTimeOffset time)
    {
        time = default;
        var match = Pattern().Match(text);
        if (!match.Success || text.EndsWith("-00:00", StringComparison.Ordinal))
        {
            return false;
        }
        // .NET keeps 7 fractional digits; the syntax allows up to 20, so drop the extra ones before parsing.
        var fraction = match.Groups["fraction"].Value;
        var trimmed = fraction.Length <= 8 ? text : text.Replace(fraction, fraction[..8], StringComparison.Ordinal);
        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out time) || time.Year == 0)
        {
            return false;
        }
        time = time.ToUniversalTime();
        return true;
    }

    [GeneratedRegex(@"^[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-6][0-9]:[0-6][0-9](?<fraction>\.[0-9]{1,20})?(Z|[+-][0-2][0-9]:[0-5][0-9])\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
