namespace Resonance.Storage.Entities;

/// <summary>
/// The header of one immutable scoring run: algorithm, parameters (JSON), data watermark, code revision, timings and
/// calibration. Its scores and contributions are bulk rows keyed by <see cref="Id"/>; runs are inserted whole, never updated.
/// </summary>
public sealed class ScoreRunEntity
{
    public long Id { get; set; }
    /// <summary><c>name@version</c>, for example <c>resonance@1</c>.</summary>
    public required string Algorithm { get; set; }
    /// <summary>The network scored, or null for all networks.</summary>
    public string? Network { get; set; }
    /// <summary>The end of the window, Unix milliseconds.</summary>
    public long AsOfMs { get; set; }
    /// <summary>Every parameter, defaults included, as JSON.</summary>
    public required string ParametersJson { get; set; }
    public long? WatermarkLatestMs { get; set; }
    public long WatermarkInteractions { get; set; }
    public required string CodeRevision { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    /// <summary>Seconds per phase as a JSON array of <c>{"name", "seconds"}</c>, in the order the phases ran.</summary>
    public required string TimingsJson { get; set; }
    /// <summary>The calibration quantiles as a JSON array of round-trippable doubles.</summary>
    public required string CalibrationJson { get; set; }
    public double AmplificationPriorRate { get; set; }
    public int AccountsScored { get; set; }
    public int Pairs { get; set; }
    public int PageRankIterations { get; set; }
}
