using System.Globalization;

namespace Resonance.Ingest.Formats.Twitter;

/// <summary>Tweet times: the classic <c>created_at</c> text of archives and API v1.1, and the time inside a snowflake id.</summary>
internal static class TweetTimes
{
    /// <summary>Milliseconds from the Unix epoch to Twitter's snowflake epoch (2010-11-04T01:42:54.657Z).</summary>
    private const long SnowflakeEpochMs = 1_288_834_974_657;

    /// <summary>Ids below this predate snowflake ids (sequential ids never reached 10^12), so they carry no time.</summary>
    private const long FirstSnowflake = 1_000_000_000_000;

    private const string Months = "JanFebMarAprMayJunJulAugSepOctNovDec";

    /// <summary>Parses <c>Thu Nov 03 08:50:26 +0000 2022</c> (day name, month, day, time, offset, year).</summary>
    public static bool TryParseClassic(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length != 30 || text[3] != ' ' || text[7] != ' ' || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || text[19] != ' ' || text[20] is not ('+' or '-') || text[25] != ' ')
        {
            return false;
        }
        var month = Months.AsSpan().IndexOf(text.Slice(4, 3));
        if (month < 0 || month % 3 != 0
            || !TryNumber(text.Slice(8, 2), out var day) || !TryNumber(text.Slice(11, 2), out var hour)
            || !TryNumber(text.Slice(14, 2), out var minute) || !TryNumber(text.Slice(17, 2), out var second)
            || !TryNumber(text.Slice(21, 2), out var offsetHours) || !TryNumber(text.Slice(23, 2), out var offsetMinutes)
            || !TryNumber(text.Slice(26, 4), out var year)
            || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month / 3 + 1) || hour > 23 || minute > 59 || second > 59
            || offsetHours > 14 || offsetMinutes > 59)
        {
            return false;
        }
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        time = new DateTimeOffset(year, month / 3 + 1, day, hour, minute, second, text[20] == '-' ? -offset : offset).ToUniversalTime();
        return true;
    }

    /// <summary>The creation time inside a snowflake tweet id (ids from November 2010 on); false for older or non-numeric ids.</summary>
    public static bool TryFromSnowflake(string id, out DateTimeOffset time)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < FirstSnowflake)
        {
            time = default;
            return false;
        }
        time = DateTimeOffset.FromUnixTimeMilliseconds((value >> 22) + SnowflakeEpochMs);
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
