using System.Globalization;

namespace Resonance.Server.Components.Shared;

/// <summary>Dates as pages show them.</summary>
public static class Dates
{
    /// <summary><c>2012-07-07</c> for a Unix-ms time.</summary>
    public static string Day(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>2012-07-07</c>.</summary>
    public static string Day(DateTimeOffset time) => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
