using System.Text.Json;

namespace Resonance.Cli.Tests;

/// <summary>The scoring commands end to end on a generated community in a real SQLite file (the demo saves run 1).</summary>
public sealed class ScoringCommandTests
{
    private static async Task<string> DemoDatabaseAsync(TempFolder temp)
    {
        var demo = await CliRun.RunAsync("demo", "--people", "300", "--seed", "11", "--dir", temp.Path, "--no-serve");
        Assert.Equal(0, demo.ExitCode);
        return temp.File("resonance.db");
    }

    internal static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    [Fact]
    public async Task Score_saves_an_immutable_run_that_top_explain_and_history_read_back()
    {
        using var temp = new TempFolder();
        var db = await DemoDatabaseAsync(temp);

        var first = Json(await CliRun.RunAsync("score", "--db", db, "--json"));
        var second = Json(await CliRun.RunAsync("score", "--db", db, "--json", "--threads", "1"));
        var runs = Json(await CliRun.RunAsync("runs", "--db", db, "--json"));
        var top1 = Json(await CliRun.RunAsync("top", "--db", db, "--run", "2", "--n", "300", "--json"));
        var top2 = Json(await CliRun.RunAsync("top", "--db", db, "--run", "3", "--n", "300", "--json"));

        Assert.Equal(2, first.GetProperty("id").GetInt64());
        Assert.Equal(3, second.GetProperty("id").GetInt64());
        Assert.Equal(3, runs.GetArrayLength());
        Assert.Equal("resonance@7", runs[0].GetProperty("algorithm").GetString()); // the default
        Assert.Equal("leave-one-out", first.GetProperty("calibration_mode").GetString());
        Assert.True(runs[0].GetProperty("watermark_interactions").GetInt64() > 1000);
        // Same data, version and seed: bit-identical scores (JSON writes doubles round-trippably), whatever the threads.
        Assert.Equal(top1.GetProperty("scores").GetRawText(), top2.GetProperty("scores").GetRawText());

        var best = top1.GetProperty("scores")[0];
        var account = best.GetProperty("account").GetString()!;
        var explain = Json(await CliRun.RunAsync("explain", account, "--db", db, "--json"));
        var score = explain.GetProperty("score");
        var sum = explain.GetProperty("influencees").EnumerateArray().Sum(c => c.GetProperty("total").GetDouble()) + score.GetProperty("base").GetDouble();
        Assert.Equal(score.GetProperty("raw").GetDouble(), sum, 1e-9);
        Assert.InRange(score.GetProperty("score").GetDouble(), score.GetProperty("low").GetDouble(), score.GetProperty("high").GetDouble());

        var text = await CliRun.RunAsync("explain", account, "--db", db);
        Assert.Contains("Top influencees", text.Out, StringComparison.Ordinal);
        var history = Json(await CliRun.RunAsync("history", account, "--db", db, "--json"));
        Assert.Equal(3, history.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task A_new_version_is_compared_side_by_side_and_diff_parts_add_up()
    {
        using var temp = new TempFolder();
        var db = await DemoDatabaseAsync(temp);
        Json(await CliRun.RunAsync("score", "--db", db, "--algorithm", "resonance@2", "--json"));

        var compare = Json(await CliRun.RunAsync("compare-runs", "1", "2", "--db", db, "--json", "--n", "5"));
        Assert.Equal("resonance@2", compare.GetProperty("algorithm_b").GetString());
        Assert.InRange(compare.GetProperty("spearman").GetDouble(), 0.5, 1.0);
        var mover = compare.GetProperty("movers")[0];
        Assert.Contains("version resonance@7 → resonance@2", mover.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var diff = Json(await CliRun.RunAsync("diff", mover.GetProperty("account").GetString()!, "--from", "1", "--to", "2", "--db", db, "--json"));
        var total = diff.GetProperty("total").GetDouble();
        Assert.Equal(mover.GetProperty("change").GetDouble(), total, 1e-9);
        Assert.True(Math.Abs(diff.GetProperty("algorithm_change").GetDouble()) > 0, "the version change moved this account");
        Assert.Equal(total, diff.GetProperty("engagement_change").GetDouble() + diff.GetProperty("population_shift").GetDouble() + diff.GetProperty("algorithm_change").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task Diff_over_time_attributes_engagement_to_engagers()
    {
        using var temp = new TempFolder();
        var db = await DemoDatabaseAsync(temp);
        var late = Json(await CliRun.RunAsync("runs", "--db", db, "--json"))[0];
        var asOf = DateTimeOffset.FromUnixTimeMilliseconds(late.GetProperty("parameters").GetProperty("as_of_ms").GetInt64()).AddDays(-30);
        Json(await CliRun.RunAsync("score", "--db", db, "--as-of", asOf.ToString("O"), "--json"));
        var top = Json(await CliRun.RunAsync("top", "--db", db, "--run", "1", "--n", "1", "--json"));
        var account = top.GetProperty("scores")[0].GetProperty("account").GetString()!;

        var diff = Json(await CliRun.RunAsync("diff", account, "--from", "2", "--to", "1", "--db", db, "--json"));

        Assert.Equal(0.0, diff.GetProperty("algorithm_change").GetDouble());
        var engagers = diff.GetProperty("engagers").EnumerateArray().ToList();
        Assert.NotEmpty(engagers);
        Assert.Contains(engagers, e => e.GetProperty("status").GetString() == "new");
        var perEngager = engagers.Sum(e => e.GetProperty("score_change").GetDouble()) + diff.GetProperty("prior_change").GetDouble();
        Assert.Equal(diff.GetProperty("engagement_change").GetDouble(), perEngager, 1e-9);
    }

    [Fact]
    public async Task Diff_of_resonance_7_runs_reads_each_score_through_its_leave_one_out_calibration_and_its_parts_add_up()
    {
        using var temp = new TempFolder();
        var db = await DemoDatabaseAsync(temp);
        var late = Json(await CliRun.RunAsync("runs", "--db", db, "--json"))[0];
        var asOf = DateTimeOffset.FromUnixTimeMilliseconds(late.GetProperty("parameters").GetProperty("as_of_ms").GetInt64()).AddDays(-30);
        var earlyRun = Json(await CliRun.RunAsync("score", "--db", db, "--algorithm", "resonance@7", "--as-of", asOf.ToString("O"), "--json"));
        Json(await CliRun.RunAsync("score", "--db", db, "--algorithm", "resonance@7", "--json"));
        Json(await CliRun.RunAsync("score", "--db", db, "--algorithm", "resonance@6", "--json"));
        Assert.Equal("leave-one-out", earlyRun.GetProperty("calibration_mode").GetString());
        // Its topics draw their bootstrap by account pair, as the run does (run 4, resonance@6, by pair index).
        Assert.Equal("topic-share@2", earlyRun.GetProperty("parameters").GetProperty("topics").GetProperty("method").GetString());
        var run6 = Json(await CliRun.RunAsync("runs", "--db", db, "--json")).EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == 4);
        Assert.Equal("topic-share@1", run6.GetProperty("parameters").GetProperty("topics").GetProperty("method").GetString());
        var early = Json(await CliRun.RunAsync("top", "--db", db, "--run", "2", "--n", "300", "--json")).GetProperty("scores").EnumerateArray()
            .ToDictionary(s => s.GetProperty("account").GetString()!, s => s.GetProperty("s").GetProperty("score").GetDouble());
        var now = Json(await CliRun.RunAsync("top", "--db", db, "--run", "3", "--n", "300", "--json")).GetProperty("scores").EnumerateArray().ToList();

        foreach (var account in now.Where(s => early.ContainsKey(s.GetProperty("account").GetString()!)).Take(3))
        {
            var name = account.GetProperty("account").GetString()!;
            // Same version: no algorithm part; the stored scores are read back bit for bit through F₋A.
            var diff = Json(await CliRun.RunAsync("diff", name, "--from", "2", "--to", "3", "--db", db, "--json"));
            Assert.Equal(early[name], diff.GetProperty("score_before").GetDouble());
            Assert.Equal(account.GetProperty("s").GetProperty("score").GetDouble(), diff.GetProperty("score_after").GetDouble());
            Assert.Equal(0.0, diff.GetProperty("algorithm_change").GetDouble());
            var total = diff.GetProperty("total").GetDouble();
            Assert.Equal(total, diff.GetProperty("engagement_change").GetDouble() + diff.GetProperty("population_shift").GetDouble(), 1e-9);

            // From resonance@6 (run 4, same window as run 3) to @7: only the algorithm part.
            var version = Json(await CliRun.RunAsync("diff", name, "--from", "4", "--to", "3", "--db", db, "--json"));
            Assert.Equal(account.GetProperty("s").GetProperty("score").GetDouble(), version.GetProperty("score_after").GetDouble());
            Assert.Equal(0.0, version.GetProperty("engagement_change").GetDouble());
            Assert.Equal(0.0, version.GetProperty("population_shift").GetDouble());
            Assert.Equal(version.GetProperty("total").GetDouble(), version.GetProperty("algorithm_change").GetDouble());
        }

        // compare-runs reads the movers' population shift through F₋A, the number that diff's population part gives.
        var compare = Json(await CliRun.RunAsync("compare-runs", "2", "3", "--db", db, "--json", "--n", "300"));
        Assert.Equal("leave-one-out", compare.GetProperty("calibration_b").GetString());
        Assert.Equal(JsonValueKind.Null, compare.GetProperty("population_unavailable").ValueKind);
        var mover = compare.GetProperty("movers").EnumerateArray().First(m => m.GetProperty("population_shift").ValueKind == JsonValueKind.Number);
        var moverDiff = Json(await CliRun.RunAsync("diff", mover.GetProperty("account").GetString()!, "--from", "2", "--to", "3", "--db", db, "--json"));
        Assert.Equal(moverDiff.GetProperty("population_shift").GetDouble(), mover.GetProperty("population_shift").GetDouble());

        // The human output names the calibration the scores were read through.
        var text = await CliRun.RunAsync("score", "--db", db, "--algorithm", "resonance@7", "--no-communities", "--no-topics");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("leave-one-out calibration", text.Out, StringComparison.Ordinal);
        var plain = await CliRun.RunAsync("score", "--db", db, "--algorithm", "resonance@6", "--no-communities", "--no-topics");
        Assert.Contains("plain calibration", plain.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tiny_hand_made_dataset_scores_with_a_warning_that_its_tempo_fit_means_little()
    {
        using var temp = new TempFolder();
        // 57 interactions over 60 days, all at noon: three launches reposted by five people at one moment, then chat.
        var kinds = new[] { "like", "reply", "repost", "mention" };
        var lines = new List<string>();
        var start = new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);
        static string Line(int actor, int target, string kind, DateTimeOffset t) =>
            "{\"type\":\"interaction\",\"network\":\"tiny\",\"time\":\"" + t.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) +
            $"Z\",\"actor\":\"{actor}\",\"target\":\"{target}\",\"kind\":\"{kind}\"}}";
        for (var launch = 0; launch < 3; launch++)
        {
            lines.AddRange(Enumerable.Range(4, 5).Select(a => Line(a, 1 + launch, "repost", start.AddDays(launch * 20))));
        }

        for (var i = 0; lines.Count < 57; i++)
        {
            var target = 4 + (i % 5);
            lines.Add(Line(1 + ((target + (i % 3)) % 8), target, kinds[i % 4], start.AddDays(1 + (i * 58 / 41))));
        }

        await File.WriteAllLinesAsync(temp.File("tiny.jsonl"), lines, TestContext.Current.CancellationToken);
        var db = temp.File("tiny.db");
        var import = await CliRun.RunAsync("import", temp.File("tiny.jsonl"), "--format", "jsonl", "--db", db);
        Assert.True(import.ExitCode == 0, import.Error);

        var text = await CliRun.RunAsync("score", "--db", db, "--no-communities", "--no-topics");
        var json = Json(await CliRun.RunAsync("score", "--db", db, "--no-communities", "--no-topics", "--json"));

        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("fitted half-life 1 min", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("beside the save", text.Out, StringComparison.Ordinal); // neither side step ran
        Assert.Contains("warning: the tempo fit (resonance@7", text.Out, StringComparison.Ordinal); // the default
        Assert.Contains("one-minute floor", json.GetProperty("tempo_warning").GetString(), StringComparison.Ordinal);
        var runs = Json(await CliRun.RunAsync("runs", "--db", db, "--json"));
        Assert.Equal("leave-one-out", runs[0].GetProperty("calibration_mode").GetString());
        Assert.Equal(json.GetProperty("tempo_warning").GetString(), runs[0].GetProperty("tempo_warning").GetString());
    }

    [Theory]
    [InlineData("explain", "no-colon-here")]
    [InlineData("explain", "synthetic:nobody-by-this-name")]
    [InlineData("history", "nosuchnetwork:u1")]
    public async Task Bad_account_names_are_usage_errors(string command, string account)
    {
        using var temp = new TempFolder();
        var db = await DemoDatabaseAsync(temp);

        var run = await CliRun.RunAsync(command, account, "--db", db);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_runs_versions_and_missing_databases_fail_clearly()
    {
        using var temp = new TempFolder();
        var db = await DemoDatabaseAsync(temp);

        var empty = temp.File("empty.db");
        Assert.Equal(0, (await CliRun.RunAsync("db", "migrate", "--db", empty)).ExitCode);
        var noRuns = await CliRun.RunAsync("top", "--db", empty);
        var version = await CliRun.RunAsync("score", "--db", db, "--algorithm", "resonance@9");
        var badId = await CliRun.RunAsync("score", "--db", db, "--algorithm", "resonance");
        var noRun = await CliRun.RunAsync("compare-runs", "1", "7", "--db", db);
        var noThreads = await CliRun.RunAsync("score", "--db", db, "--threads", "0");
        var missing = await CliRun.RunAsync("runs", "--db", temp.File("missing.db"));

        Assert.Equal(ExitCodes.Usage, noRuns.ExitCode);
        Assert.Contains("resonance score", noRuns.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, version.ExitCode);
        Assert.Contains("resonance@1, resonance@2", version.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, badId.ExitCode);
        Assert.Equal(ExitCodes.Usage, noRun.ExitCode);
        Assert.Equal(ExitCodes.Usage, noThreads.ExitCode);
        Assert.Contains("--threads must be at least 1.", noThreads.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NoInput, missing.ExitCode);
        Assert.Equal(1, Json(await CliRun.RunAsync("runs", "--db", db, "--json")).GetArrayLength());
    }

    [Fact]
    public async Task Evaluate_reports_the_score_beside_every_baseline_for_each_split()
    {
        using var temp = new TempFolder();
        var db = await DemoDatabaseAsync(temp);

        var report = Json(await CliRun.RunAsync("evaluate", "--db", db, "--split", "0.5,0.7", "--json"));

        var splits = report.GetProperty("splits");
        Assert.Equal(2, splits.GetArrayLength());
        var names = splits[0].GetProperty("predictors").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["resonance score", "activity (actions taken)", "engagements received", "distinct engagers", "engagement PageRank", "followers"], names);
        var bad = await CliRun.RunAsync("evaluate", "--db", db, "--split", "1.5");
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
    }
}
