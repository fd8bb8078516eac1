using System.Text.Json;

namespace Resonance.Cli.Tests;

/// <summary><c>resonance audit</c> end to end: an account of a demo database, and the attack suite.</summary>
public sealed class AuditCommandTests
{
    private static JsonElement Json(CliRun run) => ScoringCommandTests.Json(run);

    [Fact]
    public async Task Audit_flags_a_planted_bot_and_gives_audience_quality_with_an_interval()
    {
        using var temp = new TempFolder();
        var demo = await CliRun.RunAsync("demo", "--people", "300", "--seed", "11", "--dir", temp.Path, "--no-serve");
        Assert.Equal(0, demo.ExitCode);
        var db = temp.File("resonance.db");
        using var truth = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("truth.json"), TestContext.Current.CancellationToken));
        var bot = truth.RootElement.GetProperty("bots")[0].GetString()!;
        var pod = truth.RootElement.GetProperty("podMembers")[0].GetString()!;

        var botAudit = Json(await CliRun.RunAsync("audit", $"synthetic:{bot}", "--db", db, "--json"));
        var podAudit = Json(await CliRun.RunAsync("audit", $"synthetic:{pod}", "--db", db, "--json"));
        var text = await CliRun.RunAsync("audit", $"synthetic:{pod}", "--db", db);

        Assert.True(botAudit.GetProperty("flagged").GetBoolean(), botAudit.ToString());
        Assert.Equal(6, botAudit.GetProperty("signals").GetArrayLength());
        Assert.True(botAudit.GetProperty("reasons").GetArrayLength() > 0);
        // The bot posts its campaign's template: the audit reads the posts' texts from the database.
        var nearDuplicate = botAudit.GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "near-duplicate");
        Assert.True(nearDuplicate.GetProperty("score").GetDouble() > 0.5, botAudit.ToString());
        Assert.Equal(0, podAudit.GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "near-duplicate").GetProperty("score").GetDouble());
        Assert.True(podAudit.GetProperty("flagged").GetBoolean(), podAudit.ToString());
        Assert.Equal("pod", podAudit.GetProperty("reasons")[0].GetProperty("signal").GetString());
        var audience = podAudit.GetProperty("audience");
        Assert.InRange(audience.GetProperty("share").GetDouble(), audience.GetProperty("low").GetDouble(), audience.GetProperty("high").GetDouble());
        Assert.Contains("audience quality", text.Out, StringComparison.Ordinal);
        // The generated community has no newcomers: the pod member's audience is judged, and no cohort is found.
        var cohort = podAudit.GetProperty("cohort");
        Assert.Equal(audience.GetProperty("engagers").GetInt32(), cohort.GetProperty("engagers").GetInt32());
        Assert.Equal(0, cohort.GetProperty("newcomers").GetInt32());
        Assert.Equal(0, cohort.GetProperty("score").GetDouble());
        Assert.Contains("newcomer cohort: 0 of ", text.Out, StringComparison.Ordinal);
    }

    /// <summary>An account of a generated community buys 100 human-paced bots (new in the last 30 days, engaged by nobody):
    /// imported into SQLite, its audit shows the newcomer cohort, and audience quality leaves the cohort out.</summary>
    [Fact]
    public async Task Audit_shows_the_newcomer_cohort_of_an_account_that_bought_human_paced_bots()
    {
        using var temp = new TempFolder();
        var data = temp.File("c.jsonl");
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(0, (await CliRun.RunAsync("generate", "--people", "1000", "--out", data, "--truth", temp.File("t.json"))).ExitCode);
        var lines = new List<string>();
        var march = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        string At(int k, int j) => march.AddMinutes((((k * 37) + (j * 1_009)) % (29 * 1_440)) + j).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        string Line(string actor, string target, string kind, string time) =>
            $$"""{"type":"interaction","network":"synthetic","time":"{{time}}","actor":"{{actor}}","target":"{{target}}","kind":"{{kind}}","weight":1}""";
        for (var k = 0; k < 100; k++)
        {
            for (var j = 0; j < 10; j++)
            {
                lines.Add(Line($"zz-paced-{k:D3}", "u500", j == 0 ? "follow" : j == 1 ? "repost" : j < 4 ? "reply" : "like", At(k, j)));
            }

            for (var j = 0; j < 3; j++)
            {
                lines.Add(Line($"zz-paced-{k:D3}", $"u{((k * 7) + (j * 311)) % 1000}", "like", At(k, 10 + j)));
            }
        }

        await File.AppendAllLinesAsync(data, lines, ct);
        var db = temp.File("r.db");
        Assert.Equal(0, (await CliRun.RunAsync("import", data, "--format", "jsonl", "--db", db)).ExitCode);
        var audit = Json(await CliRun.RunAsync("audit", "synthetic:u500", "--db", db, "--json"));
        var text = await CliRun.RunAsync("audit", "synthetic:u500", "--db", db);
        var bot = Json(await CliRun.RunAsync("audit", "synthetic:zz-paced-000", "--db", db, "--json"));

        var cohort = audit.GetProperty("cohort");
        Assert.Equal(100, cohort.GetProperty("newcomers").GetInt32());
        Assert.Equal(1, cohort.GetProperty("score").GetDouble());
        Assert.Equal(100, audit.GetProperty("audience").GetProperty("cohort_newcomers").GetInt32());
        Assert.True(audit.GetProperty("audience").GetProperty("authentic").GetInt32() <= cohort.GetProperty("engagers").GetInt32() - 100, audit.ToString());
        Assert.Contains("newcomer cohort: 100 of ", text.Out, StringComparison.Ordinal);
        Assert.False(bot.GetProperty("flagged").GetBoolean());
        Assert.True(bot.GetProperty("cohort").GetProperty("audienceless").GetBoolean());
    }

    /// <summary>A churner added to a generated community follows 50 members at 5 a day and unfollows 45 of them 30 hours
    /// later: imported from JSONL into SQLite, its audit shows the true churn part of follow churn, and an unfollow is not
    /// an engagement its target received.</summary>
    [Fact]
    public async Task Audit_shows_true_follow_churn_from_unfollows_imported_as_jsonl()
    {
        using var temp = new TempFolder();
        var data = temp.File("c.jsonl");
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(0, (await CliRun.RunAsync("generate", "--people", "300", "--out", data, "--truth", temp.File("t.json"))).ExitCode);
        var march = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        string Line(int k, string kind, double hours) =>
            $$"""{"type":"interaction","network":"synthetic","time":"{{march.AddHours(hours).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)}}","actor":"zz-churner","target":"u{{k}}","kind":"{{kind}}"}""";
        var lines = Enumerable.Range(0, 50).Select(k => Line(k, "follow", k * 4.8))
            .Concat(Enumerable.Range(0, 45).Select(k => Line(k, "unfollow", (k * 4.8) + 30)));
        await File.AppendAllLinesAsync(data, lines, ct);
        var db = temp.File("r.db");
        Assert.Equal(0, (await CliRun.RunAsync("import", data, "--format", "jsonl", "--db", db)).ExitCode);

        var audit = Json(await CliRun.RunAsync("audit", "synthetic:zz-churner", "--db", db, "--json"));
        var text = await CliRun.RunAsync("audit", "synthetic:zz-churner", "--db", db);

        var churn = audit.GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "follow-churn");
        Assert.Equal(1, churn.GetProperty("score").GetDouble());
        Assert.Equal(0.9, churn.GetProperty("value").GetDouble(), 12);
        Assert.Contains("true churn", churn.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(audit.GetProperty("flagged").GetBoolean(), audit.ToString());
        Assert.Contains("share of its 50 follows undone by an unfollow within 7 days", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_attacks_reports_every_trick_and_audit_needs_an_account_or_attacks()
    {
        var report = Json(await CliRun.RunAsync("audit", "--attacks", "--people", "1000", "--seed", "3", "--json"));
        var none = await CliRun.RunAsync("audit");

        Assert.Equal(7, report.GetProperty("results").GetArrayLength());
        Assert.StartsWith("human-paced", report.GetProperty("results")[5].GetProperty("trick").GetString(), StringComparison.Ordinal);
        Assert.Equal(100, report.GetProperty("results")[5].GetProperty("added_accounts").GetInt32());
        Assert.StartsWith("genuine", report.GetProperty("results")[6].GetProperty("trick").GetString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, none.ExitCode);
    }
}
