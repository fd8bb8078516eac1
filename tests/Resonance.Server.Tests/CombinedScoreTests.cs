using System.Net;
using Resonance.Application.Importing;
using Resonance.Application.Scoring;
using Resonance.Domain;
using static Resonance.Server.Tests.ApiTestHelpers;

namespace Resonance.Server.Tests;

/// <summary>A server of its own: this test adds a second network and per-network runs.</summary>
public sealed class CombinedFixture : ServerFixture;

public sealed class CombinedScoreTests(CombinedFixture fixture) : IClassFixture<CombinedFixture>
{
    [Fact]
    public async Task MemberWithAccountsOnTwoNetworks_SeesOneCombinedScore_NoLowerThanEither()
    {
        // A second network where ada's new account gets some response from ten people.
        var at = DateTimeOffset.FromUnixTimeMilliseconds((await fixture.Store.LatestInteractionTimeAsync(null, Ct))!.Value);
        var records = new List<SourceRecord> { SourceRecord.Of(1, new Account("mastodon", "ada@example.social", "@ada@example.social", "Ada")) };
        for (var i = 0; i < 10; i++)
        {
            records.Add(SourceRecord.Of(2 + i, new Interaction("mastodon", at.AddHours(-i), $"fan{i}@example.social", "ada@example.social", InteractionKind.Repost)));
            records.Add(SourceRecord.Of(20 + i, new Interaction("mastodon", at.AddHours(-i), $"fan{i}@example.social", $"fan{(i + 1) % 10}@example.social", InteractionKind.Like)));
        }
        await new ImportService(fixture.Store).RunAsync([new ImportSource("mastodon", records, () => 0, 0)], new ImportOptions("test"), null, Ct);
        var scoring = new ScoringService(fixture.Store);
        await scoring.RunAsync(new ScoreRequest(ScoringAlgorithms.Default, Network: "synthetic"), null, Ct);
        await scoring.RunAsync(new ScoreRequest(ScoringAlgorithms.Default, Network: "mastodon"), null, Ct);
        using var ada = await fixture.ClientAsync("ada@demo.resonance");
        using var admin = await fixture.ClientAsync("admin@demo.resonance");
        var (created, body) = await ada.SendJsonAsync(HttpMethod.Post, "/api/v1/me/claims", new { account = "mastodon:ada@example.social" });
        var id = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
        await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/admin/claims/{id}/approve", null);

        var page = await ada.GetStringAsync("/me");

        Assert.Equal(HttpStatusCode.Created, created);
        var section = page[page.IndexOf("data-testid=\"combined\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("<td>synthetic</td>", section, StringComparison.Ordinal);
        Assert.Contains("<td>mastodon</td>", section, StringComparison.Ordinal);
        var combined = double.Parse(System.Text.RegularExpressions.Regex.Match(section, "class=\"value\">([0-9.]+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var runs = await fixture.Store.ListRunsAsync(Ct);
        var synthetic = await fixture.Store.GetScoreAsync(runs.Last(r => r.Parameters.Network == "synthetic").Id, (await fixture.AccountOfAsync("ada@demo.resonance")).Id, Ct);
        Assert.NotNull(synthetic);
        Assert.True(combined >= Math.Floor(synthetic.Score), $"combined {combined} < synthetic {synthetic.Score}");
    }
}
