namespace Resonance.Ingest.Text;

/// <summary>Converts Unix seconds to <see cref="DateTimeOffset"/> without throwing for values outside its range.</summary>
internal static class UnixTime
{
    private static readonly long MinSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>The UTC time <paramref name="seconds"/> after 1970-01-01, or false when it is outside years 1–9999.</summary>
    public static bool TryFromSeconds(long seconds, out DateTimeOffset time)
    {
        if (seconds < MinSeconds || seconds > MaxSeconds)
        {
            time = default;
            return false;
        }
        time = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }
}
