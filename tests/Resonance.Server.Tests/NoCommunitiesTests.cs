using static Resonance.Server.Tests.ApiTestHelpers;

namespace Resonance.Server.Tests;

/// <summary>The same server over runs scored without communities (<c>score --no-communities</c>, or saved before
/// communities existed).</summary>
public sealed class NoCommunitiesFixture : ServerFixture
{
    public override bool Communities => false;

    public override int People => 150;
}

/// <summary>Runs without communities show no community standing and offer no community to filter by, without an error.</summary>
public sealed class NoCommunitiesTests(NoCommunitiesFixture fixture) : IClassFixture<NoCommunitiesFixture>
{
    [Fact]
    public async Task ProfilesAndDiscovery_ShowNoCommunity_AndNoError()
    {
        using var ada = await fixture.ClientAsync("ada@demo.resonance");
        using var mark = await fixture.ClientAsync("mark@demo.resonance");
        var adaAccount = await fixture.AccountOfAsync("ada@demo.resonance");

        var own = await ada.JsonAsync("/api/v1/me/profile");
        var seen = await mark.JsonAsync(PersonPath(adaAccount, api: true));
        var me = await ada.GetStringAsync("/me");
        var options = await mark.JsonAsync("/api/v1/discover/communities");
        var filtered = await mark.JsonAsync("/api/v1/discover?community=1");
        var all = await mark.JsonAsync("/api/v1/discover");
        var page = await mark.GetStringAsync("/discover?community=1");

        Assert.Empty(await fixture.Store.CommunitiesAsync((await fixture.Store.ListRunsAsync(Ct))[^1].Id, Ct));
        Assert.Equal(System.Text.Json.JsonValueKind.Object, own.GetProperty("score").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, own.GetProperty("community").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.GetProperty("community").ValueKind);
        Assert.Contains("data-testid=\"score\"", me, StringComparison.Ordinal);
        Assert.DoesNotContain("community-standing", me, StringComparison.Ordinal);
        Assert.Equal(0, options.GetProperty("items").GetArrayLength());
        Assert.Equal(0, filtered.GetProperty("total").GetInt32());
        Assert.True(all.GetProperty("total").GetInt32() > 0);
        Assert.All(all.GetProperty("items").EnumerateArray(), i => Assert.Equal(System.Text.Json.JsonValueKind.Null, i.GetProperty("community").ValueKind));
        Assert.Contains("0 members found", page, StringComparison.Ordinal);
    }
}
