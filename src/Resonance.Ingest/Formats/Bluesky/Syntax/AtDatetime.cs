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
        if (TryParseCommonUtc(text, out time))
        {
            return true;
        }
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

    /// <summary>The form nearly every record carries, <c>YYYY-MM-DDTHH:MM:SS[.fraction]Z</c> with a real date and time,
    /// read without the regular expression and .NET's general parser; false for anything else (which the full path then
    /// decides). What it accepts, the full path accepts with the same value: the syntax matches the pattern, and .NET
    /// reads the first seven fraction digits exactly.</summary>
    private static bool TryParseCommonUtc(ReadOnlySpan<char> s, out DateTimeOffset time)
    {
        time = default;
        if (s.Length < 20 || s.Length > 41 || s[^1] != 'Z' || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !Digits(s.Slice(0, 4), out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return false;
        }
        var ticks = 0;
        if (s.Length > 20)
        {
            var fraction = s[20..^1];
            if (s[19] != '.' || fraction.Length == 0 || fraction.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }
            for (var i = 0; i < 7; i++)
            {
                ticks = ticks * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
            }
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        time = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }

    [GeneratedRegex(@"^[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-6][0-9]:[0-6][0-9](?<fraction>\.[0-9]{1,20})?(Z|[+-][0-2][0-9]:[0-5][0-9])\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
