using Resonance.Application.Synthetic;

namespace Resonance.Application.Tests.Synthetic;

public sealed class SyntheticOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValidAndDerivedCountsFollowTheRules()
    {
        var o = new SyntheticOptions().Validate();
        Assert.Equal(2_000, o.People);
        Assert.Equal(90, o.Days);
        Assert.Equal("synthetic", o.Network);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), o.Start);
        Assert.Equal(SyntheticOptions.DefaultSeed, o.Seed);
        Assert.Equal(30, o.ResolvedCommunities); // round(√2000 / 1.5) = round(29.8)
        Assert.Equal(40, o.ResolvedBots);        // 2 % of 2,000
        Assert.Equal(50, o.ResolvedFarmSize);    // max(10, min(50, 2,000 / 40), 2,000 / 100)
        Assert.Equal(5, o.ResolvedExperts);      // 2,000 / 400
        Assert.Equal(20, o.PodSize);
        Assert.Equal(3, o.Version);
    }

    [Fact]
    public void ResolvedCounts_SmallPopulation_UseTheMinimums()
    {
        var o = new SyntheticOptions { People = 200 };
        Assert.Equal(10, o.ResolvedBots);
        Assert.Equal(3, o.ResolvedExperts);
        Assert.Equal(9, o.ResolvedCommunities);
        Assert.Equal(10, o.ResolvedFarmSize);
        Assert.Equal(10_000, new SyntheticOptions { People = 1_000_000 }.ResolvedFarmSize);
        new SyntheticOptions { People = SyntheticOptions.MinPeople }.Validate();
        Assert.Equal(7, (o with { Communities = 7 }).ResolvedCommunities);
    }

    public static TheoryData<string, SyntheticOptions> BadOptions => new()
    {
        { "People", new SyntheticOptions { People = 99 } },
        { "Version", new SyntheticOptions { Version = 1 } },
        { "Version", new SyntheticOptions { Version = 4 } },
        { "People", new SyntheticOptions { People = SyntheticOptions.MaxPeople + 1 } },
        { "Days", new SyntheticOptions { Days = 0 } },
        { "Days", new SyntheticOptions { Days = 3_651 } },
        { "Communities", new SyntheticOptions { Communities = 0 } },
        { "Communities", new SyntheticOptions { People = 200, Communities = 61 } },
        { "CommunitySizeExponent", new SyntheticOptions { CommunitySizeExponent = -0.5 } },
        { "MeanFollowing", new SyntheticOptions { MeanFollowing = 0.5 } },
        { "CrossCommunityFollowFraction", new SyntheticOptions { CrossCommunityFollowFraction = 1.5 } },
        { "MeanPostsPerPerson", new SyntheticOptions { MeanPostsPerPerson = double.NaN } },
        { "EngagementRate", new SyntheticOptions { EngagementRate = -0.1 } },
        { "BotFraction", new SyntheticOptions { BotFraction = 0.5 } },
        { "MinBots", new SyntheticOptions { MinBots = -1 } },
        { "BotActionsPerDay", new SyntheticOptions { BotActionsPerDay = double.PositiveInfinity } },
        { "BotPostsPerDay", new SyntheticOptions { BotPostsPerDay = -1 } },
        { "BotFollowing", new SyntheticOptions { BotFollowing = -1 } },
        { "PodSize", new SyntheticOptions { PodSize = 1 } },
        { "FarmSize", new SyntheticOptions { FarmSize = -1 } },
        { "FarmFollowing", new SyntheticOptions { FarmFollowing = -1 } },
        { "FarmFollowBackProbability", new SyntheticOptions { FarmFollowBackProbability = 2 } },
        { "Experts", new SyntheticOptions { Experts = -3 } },
        { "People", new SyntheticOptions { People = 200, PodSize = 100 } }, // planted accounts exceed half the people
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_OutOfRangeOption_ThrowsNamingTheOption(string parameter, SyntheticOptions options)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => options.Validate());
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains($"SyntheticOptions.{parameter}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Synthetic")]
    [InlineData("has space")]
    public void Validate_InvalidNetworkName_Throws(string network)
    {
        var e = Assert.Throws<ArgumentException>(() => new SyntheticOptions { Network = network }.Validate());
        Assert.Equal("Network", e.ParamName);
    }

    [Fact]
    public void Generate_InvalidOptions_ThrowsBeforeStreaming() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticNetworkGenerator.Generate(new SyntheticOptions { Days = 0 }));
}
