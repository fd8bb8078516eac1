namespace Resonance.Application.Persons;

/// <summary>One linked account's score in its network's run, with what engaging members added to it.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Score">Its score, 1–100.</param>
/// <param name="Low">Lower end of its interval.</param>
/// <param name="High">Upper end of its interval.</param>
/// <param name="Raw">Its raw score.</param>
/// <param name="ScoreOfRaw">The run's calibration: the score of a raw value (1 for raw ≤ 0).</param>
/// <param name="MemberContributions">Per member (user id) whose linked accounts engaged this account: the sum of their
/// contributions to its raw score.</param>
public sealed record AccountEvidence(long AccountId, double Score, double Low, double High, double Raw,
    Func<double, double> ScoreOfRaw, IReadOnlyDictionary<string, double> MemberContributions)
{
    /// <summary>The score, low and high with the contributions of <paramref name="members"/> taken out: the raw score
    /// less those contributions, through the run's calibration. The interval keeps its widths below and above the
    /// score (clamped to 1–100); the bootstrap is not re-run.</summary>
    public (double Score, double Low, double High) Without(IReadOnlySet<string> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var removed = MemberContributions.Where(m => members.Contains(m.Key)).Sum(m => m.Value);
        if (removed <= 0)
        {
            return (Score, Low, High);
        }

        var rest = Raw - removed;
        var score = Math.Min(Score, rest > 0 ? ScoreOfRaw(rest) : 1);
        return (score, Math.Clamp(Low - (Score - score), 1, score), Math.Clamp(High - (Score - score), score, 100));
    }
}

/// <summary>A person's scored accounts on one network.</summary>
/// <param name="Network">The network.</param>
/// <param name="Accounts">The accounts scored in the network's run (at least one).</param>
public sealed record NetworkEvidence(string Network, IReadOnlyList<AccountEvidence> Accounts)
{
    /// <summary>The network's score, low and high without <paramref name="members"/>' contributions: the accounts'
    /// combined by <see cref="ScoreCombination"/> (the first level of the hierarchy).</summary>
    public (double Score, double Low, double High) Without(IReadOnlySet<string> members)
    {
        var parts = Accounts.Select(a => a.Without(members)).ToList();
        return (ScoreCombination.Combine(parts.Select(p => p.Score)), ScoreCombination.Combine(parts.Select(p => p.Low)),
            ScoreCombination.Combine(parts.Select(p => p.High)));
    }

    /// <summary>Members whose linked accounts engaged this person here.</summary>
    public IEnumerable<string> Members => Accounts.SelectMany(a => a.MemberContributions.Where(m => m.Value > 0).Select(m => m.Key)).Distinct();
}
