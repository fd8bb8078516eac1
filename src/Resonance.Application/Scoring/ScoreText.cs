using System.Globalization;

namespace Resonance.Application.Scoring;

/// <summary>How scores are written for people, the same in the CLI, the web app and the API.</summary>
public static class ScoreText
{
    /// <summary><c>62 (55–68)</c>: whole points, or one decimal when the interval is narrower than two points, so the
    /// precision shown never exceeds what the interval supports (and the top of the scale, where scores crowd near 100,
    /// stays readable: <c>99.8 (99.6–99.9)</c>).</summary>
    public static string WithInterval(double score, double low, double high) => high - low < 2
        ? string.Create(CultureInfo.InvariantCulture, $"{score:0.0} ({low:0.0}–{high:0.0})")
        : string.Create(CultureInfo.InvariantCulture, $"{score:0} ({low:0}–{high:0})");

    /// <summary>The score alone, at the precision its interval supports.</summary>
    public static string Score(double score, double low, double high) => high - low < 2
        ? score.ToString("0.0", CultureInfo.InvariantCulture)
        : score.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>Signed points, for example <c>+3.2</c>.</summary>
    public static string Points(double value) => value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
}
