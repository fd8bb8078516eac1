namespace Resonance.Application.Scoring;

/// <summary>Why an account has its score in one run: the sub-scores and every engager's share of the raw score.</summary>
/// <param name="Run">The run.</param>
/// <param name="Account">The account explained.</param>
/// <param name="Score">Its score, or null when nobody engaged with it in the run's window.</param>
/// <param name="ScoredAccounts">How many accounts the run scored (for "rank R of N").</param>
/// <param name="Contributions">Every engager's contribution, largest first.</param>
/// <param name="Influencers">Accounts whose content this account acted on, by what it added to their scores.</param>
/// <param name="Names">Names of every account mentioned.</param>
public sealed record Explanation(ScoreRunInfo Run, AccountRef Account, AccountScore? Score, int ScoredAccounts,
    IReadOnlyList<ScoreContribution> Contributions, IReadOnlyList<ScoreContribution> Influencers, IReadOnlyDictionary<long, AccountRef> Names)
{
    /// <summary>Σ contributions + base − raw; zero up to rounding (the explanation is exact). The sum is compensated
    /// (Neumaier), so the residual shows the stored terms' rounding, not that of adding 20,000 of them in another order.</summary>
    public double Residual
    {
        get
        {
            if (Score is null)
            {
                return 0;
            }

            double sum = 0, compensation = 0;
            foreach (var term in Contributions.SelectMany(c => new[] { c.Reach, c.Amplification, c.Impact }).Append(Score.Base).Append(-Score.Raw))
            {
                var t = sum + term;
                compensation += Math.Abs(sum) >= Math.Abs(term) ? (sum - t) + term : (term - t) + sum;
                sum = t;
            }

            return sum + compensation;
        }
    }

    /// <summary>Reach, amplification and impact summed over the engagers (raw-score units).</summary>
    public (double Reach, double Amplification, double Impact) Totals =>
        (Contributions.Sum(c => c.Reach), Contributions.Sum(c => c.Amplification), Contributions.Sum(c => c.Impact));
}

/// <summary>Builds <see cref="Explanation"/>s from a stored run.</summary>
public sealed class ExplainService(IScoreStore store)
{
    /// <summary>Explains <paramref name="account"/> in run <paramref name="runId"/>; <paramref name="influencers"/> caps that list.</summary>
    public async Task<Explanation> ExplainAsync(long runId, AccountRef account, int influencers = 10, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var run = await store.GetRunAsync(runId, ct).ConfigureAwait(false) ?? throw new ArgumentException($"no run {runId}; see `resonance runs`.");
        var score = await store.GetScoreAsync(runId, account.Id, ct).ConfigureAwait(false);
        var contributions = score is null ? [] : await store.ContributionsToAsync(runId, account.Id, ct).ConfigureAwait(false);
        var influencedBy = await store.ContributionsFromAsync(runId, account.Id, influencers, ct).ConfigureAwait(false);
        var ids = contributions.Select(c => c.EngagerId).Concat(influencedBy.Select(c => c.AccountId)).Append(account.Id).Distinct().ToList();
        var names = await store.DescribeAccountsAsync(ids, ct).ConfigureAwait(false);
        return new Explanation(run, account, score, run.AccountsScored, contributions, influencedBy, names);
    }
}
