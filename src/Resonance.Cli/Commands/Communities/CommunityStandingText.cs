using System.Globalization;
using Resonance.Application.Communities;

namespace Resonance.Cli.Commands.Communities;

/// <summary>The line <c>explain</c> prints about an account's community.</summary>
internal static class CommunityStandingText
{
    /// <summary>"Standing: top 3% in Community 12 (…): rank 5 of 170 there; in the whole run top 40%." when the community
    /// standing is the more meaningful one (<see cref="CommunityPlacement.Preferred"/>), else a plain "In Community 12 (…): rank 5 of 170 scored there (top 3%)." line.</summary>
    public static string Line(CommunityPlacement p) => p.Preferred
        ? string.Create(CultureInfo.InvariantCulture,
            $"Standing: {p.Text}: rank {p.Standing.Rank:N0} of {p.Community.Scored:N0} scored there; in the whole run {CommunityPlacement.TopPercent(p.GlobalTopShare)}.")
        : string.Create(CultureInfo.InvariantCulture,
            $"In {p.Label.Text}: rank {p.Standing.Rank:N0} of {p.Community.Scored:N0} scored there ({CommunityPlacement.TopPercent(p.CommunityTopShare)}).");
}
