using System.Globalization;

namespace Resonance.Ingest.Canonical;

/// <summary>Parses and formats the ISO-8601 times of the canonical formats.</summary>
/// <remarks>
/// Accepted: <c>yyyy-MM-ddTHH:mm:ss[.fffffff]</c> followed by <c>Z</c> or an offset <c>±hh:mm</c>. A time without an
/// offset is rejected: guessing the importing machine's zone would make imports depend on where they run.
/// Parsed times are converted to UTC. Written times are UTC, with fractional seconds only when there are any.
/// </remarks>
internal static class IsoTime
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    /// <summary>What is wrong with a time, as used in error messages.</summary>
    public const string Problem = "must be an ISO-8601 time with seconds and a UTC offset, e.g. 2024-05-01T12:00:00Z";

    /// <summary>Parses <paramref name="text"/>; false when it is not in the accepted form.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        if (!DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            return false;
        }
        time = time.ToUniversalTime();
        return true;
    }

    /// <summary>Formats <paramref name="time"/> as UTC: <c>2024-05-01T12:00:00Z</c>, or <c>2024-05-01T12:00:00.25Z</c> with a fraction.</summary>
    public static string Format(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }
}
