using System.Globalization;
using Resonance.Application.Scoring;

namespace Resonance.Cli.Commands.Scoring;

/// <summary>How scores read on screen: whole points with their interval, never false precision.</summary>
internal static class ScoreFormat
{
    /// <summary>The score with its interval; see <see cref="ScoreText.WithInterval"/>.</summary>
    public static string WithInterval(double score, double low, double high) => ScoreText.WithInterval(score, low, high);

    /// <summary>The score of <paramref name="s"/> with its interval.</summary>
    public static string WithInterval(AccountScore s) => WithInterval(s.Score, s.Low, s.High);

    /// <summary>A Unix-ms time as <c>yyyy-MM-dd HH:mm'Z'</c>.</summary>
    public static string Time(long? ms) => ms is { } t
        ? DateTimeOffset.FromUnixTimeMilliseconds(t).ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture)
        : "-";

    /// <summary>Signed points, for example <c>+3.2</c>.</summary>
    public static string Points(double value) => ScoreText.Points(value);

    /// <summary>The label of an account id, or <c>#id</c> when unnamed.</summary>
    public static string Name(IReadOnlyDictionary<long, AccountRef> names, long id) =>
        names.TryGetValue(id, out var a) ? a.Label : string.Create(CultureInfo.InvariantCulture, $"#{id}");

    /// <summary>A duration in days, in the unit that reads best: <c>52 min</c>, <c>7.8 h</c>, <c>21.7 d</c>.</summary>
    public static string Duration(double days) => days switch
    {
        < 1 / 24d => string.Create(CultureInfo.InvariantCulture, $"{days * 1440:0} min"),
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{days * 24:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{days:0.#} d"),
    };

    /// <summary>One line describing a run.</summary>
    public static string RunLine(ScoreRunInfo r) => string.Create(CultureInfo.InvariantCulture,
        $"run {r.Id}: {r.Algorithm} as of {Time(r.Parameters.AsOfMs)}, {r.Parameters.WindowDays:0.#}-day window{(r.Parameters.Network is { } n ? $", network {n}" : "")}{(r.Parameters.FittedHalfLifeDays is { } h ? $", fitted half-life {Duration(h)}" : "")}{Rungs(r.Parameters)}, {r.AccountsScored:N0} accounts scored");

    /// <summary>resonance@5: the half-lives the accounts were scored at, with how many accounts each
    /// (<c>, scored at 108 min (59,074 accounts), 101 min (1)</c>); empty for other versions.</summary>
    public static string Rungs(ScoringParameters p) => p.TempoRungs is { Count: > 0 } rungs
        ? string.Create(CultureInfo.InvariantCulture, $", scored at {string.Join(", ", rungs.OrderByDescending(r => r.Accounts).Select((r, i) => $"{Duration(r.HalfLifeDays)} ({r.Accounts:N0}{(i == 0 ? " accounts" : "")})"))}")
        : "";
}
