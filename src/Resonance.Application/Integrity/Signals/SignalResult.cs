namespace Resonance.Application.Integrity.Signals;

/// <summary>One behavioural signal evaluated for every account of an <see cref="ActivityLog"/>.</summary>
/// <param name="Name">The signal's stable name, e.g. <c>rate</c>.</param>
/// <param name="Values">The raw measurement per account (unit given by the signal), 0 when not measurable.</param>
/// <param name="Scores">The suspicion per account in [0, 1]: 0 below the human range, 1 at or past the threshold of
/// certainty, linear in between (see <see cref="Ramp"/>).</param>
public sealed record SignalResult(string Name, double[] Values, double[] Scores)
{
    /// <summary>Per account, what its value measures when that differs from the signal's own description (a signal with
    /// two parts says which part decided); null for all accounts, or for one, when the description applies.</summary>
    public string?[]? Notes { get; init; }

    /// <summary>The note of account <paramref name="account"/>, else <paramref name="description"/>.</summary>
    public string Describe(int account, string description) => Notes?[account] ?? description;

    /// <summary>0 at or below <paramref name="low"/>, 1 at or above <paramref name="high"/>, linear in between.</summary>
    public static double Ramp(double x, double low, double high) =>
        x <= low ? 0 : x >= high ? 1 : (x - low) / (high - low);
}

/// <summary>A behavioural signal: a pure, deterministic function of an <see cref="ActivityLog"/>.</summary>
public interface IBehaviourSignal
{
    /// <summary>The signal's stable name.</summary>
    string Name { get; }

    /// <summary>What the signal measures, one line, for <c>audit</c> and the reasons of a likelihood.</summary>
    string Description { get; }

    /// <summary>Computes the signal for every account.</summary>
    SignalResult Compute(ActivityLog log);
}
