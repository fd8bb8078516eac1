using System.Globalization;

namespace Resonance.Application.Communities;

/// <summary>An account's standing in its community beside its global standing, and which of the two says more.</summary>
/// <param name="Community">The account's community.</param>
/// <param name="Standing">Its rank and centrality there.</param>
/// <param name="Label">The community's label.</param>
/// <param name="CommunityTopShare">rank in community ÷ scored members of the community, in (0, 1].</param>
/// <param name="GlobalTopShare">rank in the run ÷ accounts scored in the run, in (0, 1].</param>
public sealed record CommunityPlacement(CommunitySummary Community, CommunityStanding Standing, CommunityLabel Label,
    double CommunityTopShare, double GlobalTopShare)
{
    /// <summary>A community top share at or below this is worth saying ("top 10%" or better).</summary>
    public const double NotableShare = 0.10;

    /// <summary>The fewest scored members a community needs before its percentile is quoted: below it, "top 10%" is one
    /// account.</summary>
    public const int MinScored = 20;

    /// <summary>Whether "top X% in the community" is more meaningful than the global standing: the community has at least
    /// <see cref="MinScored"/> scored members, the account is in its top <see cref="NotableShare"/>, and it is not in the
    /// run's top <see cref="NotableShare"/> (where the global standing already says it).</summary>
    public bool Preferred => Community.Scored >= MinScored && CommunityTopShare <= NotableShare && GlobalTopShare > NotableShare;

    /// <summary>"top 3% in Community 12 (…)": the community top share rounded up to a whole percent (1% at least).</summary>
    public string Text => $"{TopPercent(CommunityTopShare)} in {Label.Text}";

    /// <summary>The placement of <paramref name="score"/>'s account in <paramref name="run"/>, from its standing in
    /// <paramref name="community"/>.</summary>
    public static CommunityPlacement Of(Scoring.ScoreRunInfo run, Scoring.AccountScore score, CommunitySummary community, CommunityStanding standing, CommunityLabel label)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(standing);
        return new CommunityPlacement(community, standing, label, standing.TopShare(community.Scored), (double)score.Rank / Math.Max(1, run.AccountsScored));
    }

    /// <summary>"top X%" with X = ⌈100 × <paramref name="share"/>⌉, at least 1.</summary>
    public static string TopPercent(double share) =>
        string.Create(CultureInfo.InvariantCulture, $"top {Math.Max(1, (int)Math.Ceiling(Math.Round(100 * share, 9)))}%");
}
