using System.Text.Json;

namespace Resonance.Cli.Tests;

/// <summary><c>explain</c> and <c>diff</c> show the resonance@2 discounts (issue #4) on a demo database with planted bots and a pod.</summary>
public sealed class DiscountCommandTests
{
    private static JsonElement Json(CliRun run) => ScoringCommandTests.Json(run);

    [Fact]
    public async Task Explain_lists_every_discount_and_diff_splits_the_version_change_between_them()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync("demo", "--people", "300", "--seed", "11", "--dir", temp.Path, "--no-serve")).ExitCode);
        var db = temp.File("resonance.db");
        using var truth = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("truth.json"), TestContext.Current.CancellationToken));
        // Run 1 is the demo's (the default version); the discounts are explained between resonance@1 (run 2) and @2 (run 3).
        Json(await CliRun.RunAsync("score", "--db", db, "--algorithm", "resonance@1", "--json"));
        Json(await CliRun.RunAsync("score", "--db", db, "--algorithm", "resonance@2", "--json"));
        // The most engaged account under v1 is engaged by the planted bots, which engage a third of everyone who posts.
        var account = Json(await CliRun.RunAsync("top", "--db", db, "--run", "2", "--n", "1", "--json")).GetProperty("scores")[0].GetProperty("account").GetString()!;

        var explain = Json(await CliRun.RunAsync("explain", account, "--db", db, "--run", "3", "--json"));
        var plain = Json(await CliRun.RunAsync("explain", account, "--db", db, "--run", "2", "--json"));
        var text = await CliRun.RunAsync("explain", account, "--db", db, "--run", "3");

        var discounts = explain.GetProperty("discounts");
        Assert.Equal(explain.GetProperty("score").GetProperty("raw").GetDouble(), discounts.GetProperty("raw").GetDouble());
        var amounts = discounts.GetProperty("defences").EnumerateArray().ToDictionary(d => d.GetProperty("defence").GetString()!, d => d.GetProperty("amount").GetDouble());
        Assert.Equal(discounts.GetProperty("raw").GetDouble(), discounts.GetProperty("undiscounted").GetDouble() + amounts.Values.Sum(), 1e-9);
        Assert.True(amounts["inauthentic"] < 0, discounts.ToString());
        Assert.Contains(discounts.GetProperty("engagers").EnumerateArray(), e => e.GetProperty("inauthentic").GetDouble() < 0
            && e.GetProperty("reasons").EnumerateArray().Any(r => r.GetProperty("signal").GetString() == "rate" && r.GetProperty("score").GetDouble() == 1));
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("discounts").ValueKind);
        Assert.Contains("resonance@2 discounts", text.Out, StringComparison.Ordinal);
        Assert.Contains("engagement from low-trust and likely-inauthentic accounts", text.Out, StringComparison.Ordinal);
        Assert.Contains("newcomer cohort", text.Out, StringComparison.Ordinal);
        Assert.Equal(0, amounts["newcomer-cohort"]);

        var pod = truth.RootElement.GetProperty("podMembers")[0].GetString()!;
        foreach (var who in new[] { account, $"synthetic:{pod}" })
        {
            var diff = Json(await CliRun.RunAsync("diff", who, "--from", "2", "--to", "3", "--db", db, "--json"));
            var parts = diff.GetProperty("defences").GetProperty("parts").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
            Assert.Equal(diff.GetProperty("algorithm_change").GetDouble(), parts.Values.Sum(p => p.GetProperty("points").GetDouble()), 1e-9);
            Assert.Equal(diff.GetProperty("total").GetDouble(), diff.GetProperty("engagement_change").GetDouble() + diff.GetProperty("population_shift").GetDouble()
                + diff.GetProperty("algorithm_change").GetDouble(), 1e-9);
            Assert.True(parts[who == account ? "inauthentic" : "pod"].GetProperty("raw").GetDouble() < 0, diff.ToString());
        }

        var diffText = await CliRun.RunAsync("diff", $"synthetic:{pod}", "--from", "2", "--to", "3", "--db", db);
        Assert.Contains("pod reciprocity", diffText.Out, StringComparison.Ordinal);
        Assert.Contains("calibration", diffText.Out, StringComparison.Ordinal);
    }
}
