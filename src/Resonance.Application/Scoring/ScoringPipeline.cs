namespace Resonance.Application.Scoring;

/// <summary>From loaded rows to scores for any version: fits what the version fits (<see cref="TempoFit"/>, or
/// <see cref="PerAccountTempo"/> for a per-account tempo), builds the engagement graph and scores it.</summary>
public static class ScoringPipeline
{
    /// <summary>Scores <paramref name="input"/> under <paramref name="p"/>; the result's parameters include what was fitted.</summary>
    /// <param name="input">The rows of the run's window.</param>
    /// <param name="p">The version's parameters.</param>
    /// <param name="degreeOfParallelism">Threads; never changes the result.</param>
    /// <param name="progress">Share done, 0–1.</param>
    /// <param name="intervals">False to skip the bootstrap.</param>
    /// <param name="ct">Cancellation.</param>
    public static ScoreComputation Score(ScoringInput input, ScoringParameters p, int? degreeOfParallelism = null,
        IProgress<double>? progress = null, bool intervals = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.HalfLifeFit == TempoFit.LeaveOneOut)
        {
            return PerAccountTempo.Score(input, p, degreeOfParallelism, progress, intervals, ct);
        }

        p = TempoFit.Apply(input, p);
        return ResonanceScorer.Score(EngagementGraph.Build(input, p), p, degreeOfParallelism, progress, intervals, ct);
    }
}
