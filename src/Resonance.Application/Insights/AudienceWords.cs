using System.Globalization;
using Resonance.Application.Integrity;

namespace Resonance.Application.Insights;

/// <summary>Audience quality in plain words, with its interval, so that "3 of 4" never reads as a certain 75%.</summary>
public static class AudienceWords
{
    /// <summary>For example "About 83% (75–89%) of the engagement comes from likely-authentic accounts: 312 of the 376
    /// accounts that engaged, each counted once." When newcomers of an anomalous cohort were left out, it says so: "… 40 of
    /// the 140 accounts that engaged, each counted once; 100 of them are newcomers no established account engages, far more
    /// than the network's base rate, and are not counted."</summary>
    public static string Describe(AudienceQuality quality)
    {
        ArgumentNullException.ThrowIfNull(quality);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"About {Percent(quality.Share)}% ({Percent(quality.Low)}–{Percent(quality.High)}%) of the engagement comes from likely-authentic accounts: {quality.Authentic:N0} of the {quality.Engagers:N0} {(quality.Engagers == 1 ? "account" : "accounts")} that engaged, each counted once.");
        return quality.CohortNewcomers == 0 ? text : string.Create(CultureInfo.InvariantCulture,
            $"{text[..^1]}; {quality.CohortNewcomers:N0} of them are newcomers no established account engages, far more than the network's base rate, and are not counted.");
    }

    /// <summary>A share in [0, 1] as a whole percentage.</summary>
    public static int Percent(double share) => (int)Math.Round(share * 100, MidpointRounding.AwayFromZero);
}
