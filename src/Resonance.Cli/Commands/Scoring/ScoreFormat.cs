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

    /// <summary>One line describing a run.</summary>
    public static string RunLine(ScoreRunInfo r) => string.Create(CultureInfo.InvariantCulture,
        $"run {r.Id}: {r.Algorithm} as of {Time(r.Parameters.AsOfMs)}, {r.Parameters.WindowDays:0.#}-day window{(r.Parameters.Network is { } n ? $", network {n}" : "")}, {r.AccountsScored:N0} accounts scored");
}
