using Resonance.Application.Scoring;

namespace Resonance.Application.Members;

/// <summary>One account's influence as a viewer may see it: the latest score with its interval and sub-scores, who
/// responded (named only with their consent), whom it responded to, and its history over runs.</summary>
/// <param name="Account">The account.</param>
/// <param name="Holder">The member who holds it and their choice.</param>
/// <param name="Run">The latest run covering the account's network, or null when nothing has been scored.</param>
/// <param name="Score">Its score in <paramref name="Run"/>, or null when nobody engaged with it in that window.</param>
/// <param name="ScoredAccounts">How many accounts the run scored.</param>
/// <param name="Engagers">Who responded, by their share of the raw score.</param>
/// <param name="Influencers">Whose content the account acted on, by what it added to their scores.</param>
/// <param name="History">The account's score in every run covering its network, oldest first.</param>
public sealed record Profile(AccountRef Account, Consent Holder, ScoreRunInfo? Run, AccountScore? Score, int ScoredAccounts,
    PeopleSummary<PersonShare> Engagers, PeopleSummary<PersonShare> Influencers, IReadOnlyList<HistoryPoint> History)
{
    /// <summary>The top share of accounts this one is in ("top 3%"), or null when unscored.</summary>
    public double? TopPercent => Score is null || ScoredAccounts == 0 ? null : Math.Max(0.1, 100.0 * Score.Rank / ScoredAccounts);
}

/// <summary>A named account and its share: percent of a raw score (engagers) or raw-score units (influencers).</summary>
public sealed record PersonShare(AccountRef Account, string Name, double Share);

/// <summary>The account's score in one run.</summary>
public sealed record HistoryPoint(long RunId, AlgorithmId Algorithm, DateTimeOffset AsOf, double Score, double Low, double High);

/// <summary>"Why did my score change?" for a viewer: the exact decomposition of <see cref="ScoreDiff"/>, with the
/// engagers who have not consented folded into anonymous groups per network.</summary>
public sealed record ProfileChange(ScoreDiff Diff, PeopleSummary<PersonShare> Contributors);
