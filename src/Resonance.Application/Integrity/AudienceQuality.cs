using Resonance.Application.Integrity.Signals;
using Resonance.Engine.Statistics;

namespace Resonance.Application.Integrity;

/// <summary>The audience quality of one account: how many of the accounts that engaged with it are likely authentic.</summary>
/// <param name="AccountId">External id of the engaged account.</param>
/// <param name="Engagers">Distinct accounts that engaged with it (any kind but follow).</param>
/// <param name="Authentic">Of those, the accounts below the inauthenticity threshold, leaving out audience-less newcomers when
/// the account's audience is an anomalous newcomer cohort (cohort score ≥ 0.5, <see cref="NewcomerCohortSignal"/>).</param>
/// <param name="Share">Authentic ÷ engagers.</param>
/// <param name="Low">Lower end of the 95% Wilson interval of the share.</param>
/// <param name="High">Upper end of the 95% Wilson interval of the share.</param>
public sealed record AudienceQuality(string AccountId, int Engagers, int Authentic, double Share, double Low, double High)
{
    /// <summary>Engagers left out of <see cref="Authentic"/> only because they are audience-less newcomers of an anomalous
    /// cohort on this account (not flagged themselves).</summary>
    public int CohortNewcomers { get; init; }

    /// <summary>Newcomer cohort score from which an audience-less newcomer's engagement of the account stops counting as authentic.</summary>
    public const double CohortThreshold = 0.5;

    /// <summary>Audience quality of every account that received engagement, in account order.</summary>
    /// <remarks>Counts distinct engagers, each once whatever its number of engagements, so a bot liking 500 posts is one
    /// inauthentic engager, not 500. An engager that is not flagged but is an audience-less newcomer of an account whose
    /// newcomer cohort score is at least 0.5 is not counted authentic for that account (its engagement there counts less
    /// than half in resonance@2), and only there. The interval is <see cref="WilsonInterval"/> at 95%: "3 of 4" reads 75% in [30%, 95%].
    /// O(m + n); deterministic (integer counts).</remarks>
    public static IReadOnlyList<AudienceQuality> Compute(InauthenticityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var log = model.Log;
        var n = log.AccountCount;
        var engagers = new int[n];
        var authentic = new int[n];
        var newcomers = new int[n];
        var cohort = model.Cohort;
        foreach (var (a, t) in log.DistinctEngagements())
        {
            engagers[t]++;
            var inCohort = !model.IsFlagged(a) && cohort.Audienceless[a] && cohort.Scores[t] >= CohortThreshold;
            authentic[t] += model.IsFlagged(a) || inCohort ? 0 : 1;
            newcomers[t] += inCohort ? 1 : 0;
        }
        var result = new List<AudienceQuality>();
        for (var t = 0; t < n; t++)
        {
            if (engagers[t] > 0)
            {
                var (low, high) = WilsonInterval.Compute(authentic[t], engagers[t]);
                result.Add(new(log.AccountIds[t], engagers[t], authentic[t], authentic[t] / (double)engagers[t], low, high) { CohortNewcomers = newcomers[t] });
            }
        }
        return result;
    }
}
