namespace Resonance.Application.Scoring;

/// <summary>Which runs speak for an account's network.</summary>
public static class RunCoverage
{
    /// <summary>True when <paramref name="run"/> scored <paramref name="network"/>: a run of that network, or of all.</summary>
    public static bool Covers(this ScoreRunInfo run, string network)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Parameters.Network is null || run.Parameters.Network == network;
    }
}
