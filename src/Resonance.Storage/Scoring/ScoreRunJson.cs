using System.Text.Json;
using System.Text.Json.Serialization;
using Resonance.Application.Scoring;

namespace Resonance.Storage.Scoring;

/// <summary>
/// The JSON columns of <c>score_runs</c>: parameters, timings and calibration quantiles. System.Text.Json writes doubles
/// in their shortest round-trippable form, so every double reads back bit for bit (NaN and infinities as named literals).
/// </summary>
internal static class ScoreRunJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Derived values (the window start) are not parameters; they are recomputed from the stored ones.
        IgnoreReadOnlyProperties = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new AlgorithmIdJsonConverter() },
    };

    public static string Parameters(ScoringParameters parameters) => JsonSerializer.Serialize(parameters, Options);

    public static ScoringParameters Parameters(string json) => Deserialize<ScoringParameters>(json, "parameters_json");

    public static string Timings(IReadOnlyList<KeyValuePair<string, double>> timings) =>
        JsonSerializer.Serialize(timings.Select(t => new Timing(t.Key, t.Value)).ToList(), Options);

    public static IReadOnlyList<KeyValuePair<string, double>> Timings(string json) =>
        Deserialize<List<Timing>>(json, "timings_json").Select(t => new KeyValuePair<string, double>(t.Name, t.Seconds)).ToList();

    public static string Calibration(double[] quantiles) => JsonSerializer.Serialize(quantiles, Options);

    public static double[] Calibration(string json) => Deserialize<double[]>(json, "calibration_json");

    private static T Deserialize<T>(string json, string column) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"score_runs.{column} is null.");

    /// <summary>One phase's time, stored as <c>{"name": …, "seconds": …}</c>.</summary>
    private sealed record Timing(string Name, double Seconds);
}
