using Resonance.Domain;

namespace Resonance.Application.Synthetic;

/// <summary>Options of <see cref="SyntheticNetworkGenerator"/>. Every knob has a documented default; the same options always give the same dataset.</summary>
/// <remarks>
/// Knobs left null are derived from <see cref="People"/>; the <c>Resolved…</c> properties give the values actually used.
/// Rates are per person over the whole window unless they say "per day".
/// </remarks>
public sealed record SyntheticOptions
{
    /// <summary>The default seed, a fixed constant (never the clock).</summary>
    public const ulong DefaultSeed = 0x5EED_2026_0101_0001UL;

    /// <summary>Smallest accepted <see cref="People"/>.</summary>
    public const int MinPeople = 100;

    /// <summary>Largest accepted <see cref="People"/>.</summary>
    public const int MaxPeople = 20_000_000;

    /// <summary>Number of accounts, humans and planted accounts together. Default 2,000; 100 to 20,000,000.</summary>
    public int People { get; init; } = 2_000;

    /// <summary>Seed of every random choice. Default <see cref="DefaultSeed"/>.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>Start of the observed window (inclusive). Default 2026-01-01T00:00:00Z.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Length of the window in days; every record time lies in [Start, Start + Days). Default 90; 1 to 3,650.</summary>
    public int Days { get; init; } = 90;

    /// <summary>Network name stamped on every record. Default <c>synthetic</c>.</summary>
    public string Network { get; init; } = "synthetic";

    /// <summary>Number of communities; null (default) derives round(√People / 1.5), at least 2 and at most 5,000.</summary>
    public int? Communities { get; init; }

    /// <summary>Zipf exponent of community sizes (size of the k-th largest ∝ k^−exponent, with lognormal noise). Default 1.0; 0 to 3.</summary>
    public double CommunitySizeExponent { get; init; } = 1.0;

    /// <summary>Mean number of accounts a human follows (lognormal, σ = 1). Default 20.</summary>
    public double MeanFollowing { get; init; } = 20;

    /// <summary>Share of a human's follows that go outside their community. Default 0.15.</summary>
    public double CrossCommunityFollowFraction { get; init; } = 0.15;

    /// <summary>Mean number of original posts per human over the whole window (lognormal activity, σ = 1.1). Default 12.</summary>
    public double MeanPostsPerPerson { get; init; } = 12;

    /// <summary>Base chance that an active follower engages with an ordinary post of average quality. Default 0.05.</summary>
    public double EngagementRate { get; init; } = 0.05;

    /// <summary>Share of accounts that are bots; see <see cref="MinBots"/>. Default 0.02.</summary>
    public double BotFraction { get; init; } = 0.02;

    /// <summary>Lower bound on the number of bots. Default 10.</summary>
    public int MinBots { get; init; } = 10;

    /// <summary>Mean likes, reposts and replies per bot per day, in bursts. Default 20.</summary>
    public double BotActionsPerDay { get; init; } = 20;

    /// <summary>Mean near-duplicate posts per bot per day, in bursts. Default 6.</summary>
    public double BotPostsPerDay { get; init; } = 6;

    /// <summary>Mean number of accounts each bot mass-follows. Default 200 (capped at half the people).</summary>
    public double BotFollowing { get; init; } = 200;

    /// <summary>Members of the planted engagement pod; 0 plants none, otherwise at least 2. Default 20.</summary>
    public int PodSize { get; init; } = 20;

    /// <summary>Accounts of the planted follow-back farm (its hub not included); 0 plants no farm and no hub; null (default) derives max(10, min(50, People / 40), People / 100).</summary>
    public int? FarmSize { get; init; }

    /// <summary>Mean number of ordinary people each farm account mass-follows. Default 150.</summary>
    public double FarmFollowing { get; init; } = 150;

    /// <summary>Chance that a person followed by a farm account follows it back (and then, one time in two, the hub too). Default 0.1.</summary>
    public double FarmFollowBackProbability { get; init; } = 0.1;

    /// <summary>The newest generator model, the default of <see cref="Version"/>.</summary>
    public const int CurrentVersion = 3;

    /// <summary>The generator model (<c>resonance-synthetic/N</c>): 3 (default), where a planted expert's posts on its topic
    /// draw repeated, independent engagement from its loyal circle and ordinary engagement from everyone else; or 2, where
    /// they drew ten times the usual engagement from followers and community alike (kept so that /2 datasets stay
    /// reproducible). The two differ only in the engagement on those posts.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Planted topic experts (hidden gems); null (default) derives People / 400, at least 3 and at most 50.</summary>
    public int? Experts { get; init; }

    /// <summary>The number of communities used.</summary>
    public int ResolvedCommunities => Communities ?? Math.Clamp((int)Math.Round(Math.Sqrt(People) / 1.5), 2, 5_000);

    /// <summary>The number of bots used: max(<see cref="MinBots"/>, round(People · <see cref="BotFraction"/>)).</summary>
    public int ResolvedBots => Math.Max(MinBots, (int)Math.Round(People * BotFraction));

    /// <summary>The number of farm accounts used (its hub not included).</summary>
    public int ResolvedFarmSize => FarmSize ?? Math.Max(10, Math.Max(Math.Min(50, People / 40), People / 100));

    /// <summary>The number of planted experts used.</summary>
    public int ResolvedExperts => Experts ?? Math.Clamp(People / 400, 3, 50);

    /// <summary>Accounts that are not bots and not farm accounts (the hub counts as a human).</summary>
    public int ResolvedHumans => People - ResolvedBots - ResolvedFarmSize;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> (or <see cref="ArgumentException"/> for the network name) when an option is out of range.</summary>
    public SyntheticOptions Validate()
    {
        Check(People is >= MinPeople and <= MaxPeople, nameof(People), People, $"must be between {MinPeople} and {MaxPeople:N0}");
        Check(Version is 2 or CurrentVersion, nameof(Version), Version, $"must be 2 or {CurrentVersion}");
        Check(Days is >= 1 and <= 3_650, nameof(Days), Days, "must be between 1 and 3,650");
        if (NetworkName.Problem(Network) is { } problem)
        {
            throw new ArgumentException($"SyntheticOptions.Network is invalid: {problem}.", nameof(Network));
        }
        Check(Communities is null or >= 1, nameof(Communities), Communities, "must be at least 1 (or null to derive it from People)");
        Check(CommunitySizeExponent is >= 0 and <= 3, nameof(CommunitySizeExponent), CommunitySizeExponent, "must be between 0 and 3");
        Check(MeanFollowing is >= 1 and <= 5_000, nameof(MeanFollowing), MeanFollowing, "must be between 1 and 5,000");
        Check(CrossCommunityFollowFraction is >= 0 and <= 1, nameof(CrossCommunityFollowFraction), CrossCommunityFollowFraction, "must be between 0 and 1");
        Check(MeanPostsPerPerson is >= 0 and <= 100_000, nameof(MeanPostsPerPerson), MeanPostsPerPerson, "must be between 0 and 100,000");
        Check(EngagementRate is >= 0 and <= 1, nameof(EngagementRate), EngagementRate, "must be between 0 and 1");
        Check(BotFraction is >= 0 and < 0.5, nameof(BotFraction), BotFraction, "must be at least 0 and below 0.5");
        Check(MinBots >= 0, nameof(MinBots), MinBots, "must not be negative");
        Check(BotActionsPerDay is >= 0 and <= 100_000, nameof(BotActionsPerDay), BotActionsPerDay, "must be between 0 and 100,000");
        Check(BotPostsPerDay is >= 0 and <= 100_000, nameof(BotPostsPerDay), BotPostsPerDay, "must be between 0 and 100,000");
        Check(BotFollowing is >= 0 and <= 1_000_000, nameof(BotFollowing), BotFollowing, "must be between 0 and 1,000,000");
        Check(PodSize == 0 || PodSize >= 2, nameof(PodSize), PodSize, "must be 0 (no pod) or at least 2");
        Check(FarmSize is null or >= 0, nameof(FarmSize), FarmSize, "must not be negative (or null to derive it from People)");
        Check(FarmFollowing is >= 0 and <= 1_000_000, nameof(FarmFollowing), FarmFollowing, "must be between 0 and 1,000,000");
        Check(FarmFollowBackProbability is >= 0 and <= 1, nameof(FarmFollowBackProbability), FarmFollowBackProbability, "must be between 0 and 1");
        Check(Experts is null or >= 0, nameof(Experts), Experts, "must not be negative (or null to derive it from People)");

        var hub = ResolvedFarmSize > 0 ? 1 : 0;
        var planted = ResolvedBots + ResolvedFarmSize + hub + PodSize + ResolvedExperts;
        Check(planted <= People / 2, nameof(People), People,
            $"must be at least twice the planted accounts ({ResolvedBots} bots + {ResolvedFarmSize} farm + {hub} hub + {PodSize} pod + {ResolvedExperts} experts = {planted})");
        Check(ResolvedCommunities * 3 <= ResolvedHumans, nameof(Communities), ResolvedCommunities,
            $"is too many for {ResolvedHumans} humans: every community needs at least 3 members");
        return this;
    }

    private static void Check(bool ok, string name, object? value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"SyntheticOptions.{name} {rule}, but it is {value ?? "null"}.");
        }
    }
}
