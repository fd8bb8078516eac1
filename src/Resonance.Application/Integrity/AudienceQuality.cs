using Resonance.Application.Integrity.Signals;
using Resonance.Engine.Statistics;

namespace Resonance.Application.Integrity;

/// <summary>The audience quality of one account: how many of the accounts that engaged with it are likely authentic.</summary>
/// <param name="AccountId">External id of the engaged account.</param>
/// <param name="Engagers">Distinct accounts that engaged with it (any kind but follow).</param>
/// <param name="Authentic">Of those, the accounts below the inauthenticity threshold.</param>
/// <param name="Share">Authentic ÷ engagers.</param>
/// <param name="Low">Lower end of the 95% Wilson interval of the share.</param>
/// <param name="High">Upper end of the 95% Wilson interval of the share.</param>
public sealed record AudienceQuality(string AccountId, int Engagers, int Authentic, double Share, double Low, double High)
{
    /// <summary>Audience quality of every account that received engagement, in account order.</summary>
    /// <remarks>Counts distinct engagers, each once whatever its number of engagements, so a bot liking 500 posts is one
    /// inauthentic engager, not 500. The interval is <see cref="WilsonInterval"/> at 95%: "3 of 4" reads 75% in [30%, 95%].
    /// O(m + n); deterministic (integer counts).</remarks>
    public static IReadOnlyList<AudienceQuality> Compute(InauthenticityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var log = model.Log;
        var n = log.AccountCount;
        var engagers = new int[n];
        var authentic = new int[n];
        var pairs = new PairIndex(n);
        for (var i = 0; i < log.InteractionCount; i++)
        {
            int a = log.Actors[i], t = log.Targets[i];
            if (!ActivityLog.IsEngagement(log.Kinds[i]) || pairs.Contains(a, t))
            {
                continue;
            }
            pairs.Add(a, t, 0);
            engagers[t]++;
            authentic[t] += model.IsFlagged(a) ? 0 : 1;
        }
        var result = new List<AudienceQuality>();
        for (var t = 0; t < n; t++)
        {
            if (engagers[t] > 0)
            {
                var (low, high) = WilsonInterval.Compute(authentic[t], engagers[t]);
                result.Add(new(log.AccountIds[t], engagers[t], authentic[t], authentic[t] / (double)engagers[t], low, high));
            }
        }
        return result;
    }
}
