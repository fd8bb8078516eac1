using System.Text.Json;
using Resonance.Application.Scoring;
using Resonance.Storage;
using Resonance.Storage.Members;
using Resonance.Storage.Sqlite;

namespace Resonance.Cli.Tests;

/// <summary><c>topics</c>, <c>topics candidates</c>, <c>top --topic</c> and <c>explain --topic</c> end to end on a generated community in SQLite.</summary>
public sealed class TopicsCommandTests
{
    [Fact]
    public async Task Topics_of_an_account_agree_with_top_on_that_topic()
    {
        using var temp = new TempFolder();
        var (db, best) = await DemoAsync(temp);

        var topics = (await CliRun.RunAsync("topics", best, "--db", db, "--json")).Json().GetProperty("topics");
        var first = topics.EnumerateArray().First(t => t.GetProperty("score").ValueKind == JsonValueKind.Object);
        var topic = first.GetProperty("topic").GetString()!;
        var ranking = (await CliRun.RunAsync("top", "--db", db, "--topic", topic, "--n", "300", "--json")).Json().GetProperty("scores");

        Assert.True(first.GetProperty("posts").GetInt32() > 0 && first.GetProperty("engagers").GetInt32() > 0);
        Assert.NotEqual(0, first.GetProperty("terms").GetArrayLength());
        var rank = first.GetProperty("score").GetProperty("rank").GetInt32();
        var row = ranking[rank - 1];
        Assert.Equal(best, row.GetProperty("account").GetString());
        Assert.Equal(first.GetProperty("score").GetProperty("score").GetDouble(), row.GetProperty("s").GetProperty("score").GetDouble());
        Assert.Equal(ranking.GetArrayLength(), first.GetProperty("ranked").GetInt32());

        // explain --topic: the same score, decomposed exactly into its engagers' contributions, with the posts behind it.
        var explain = (await CliRun.RunAsync("explain", best, "--topic", topic, "--db", db, "--json")).Json();
        Assert.Equal(rank, explain.GetProperty("score").GetProperty("rank").GetInt32());
        Assert.Equal(0, explain.GetProperty("residual").GetDouble(), 1e-9);
        Assert.Equal(first.GetProperty("engagers").GetInt32(), explain.GetProperty("influencees").GetArrayLength());
        Assert.Equal(first.GetProperty("posts").GetInt32(), explain.GetProperty("evidence").GetProperty("posts").GetInt32());
    }

    [Fact]
    public async Task Matched_terms_are_shown_as_the_taxonomys_alias_text_not_as_stems()
    {
        using var temp = new TempFolder();
        var db = await DemoDbAsync(temp);
        var aliases = Application.Topics.TopicTaxonomy.BuiltIn.Topics.SelectMany(t => t.Keywords).ToHashSet(StringComparer.Ordinal);
        var leaders = (await CliRun.RunAsync("top", "--db", db, "--n", "15", "--json")).Json().GetProperty("scores").EnumerateArray()
            .Select(s => s.GetProperty("account").GetString()!).ToList();

        var keywords = new List<string>();
        foreach (var account in leaders)
        {
            var topics = (await CliRun.RunAsync("topics", account, "--db", db, "--json")).Json().GetProperty("topics");
            keywords.AddRange(topics.EnumerateArray().SelectMany(t => t.GetProperty("terms").EnumerateArray()).Select(t => t.GetString()!).Where(t => t[0] is not ('#' or '$')));
            var first = topics[0].GetProperty("topic").GetString()!;
            var explain = (await CliRun.RunAsync("explain", account, "--topic", first, "--db", db, "--json")).Json();
            keywords.AddRange(explain.GetProperty("evidence").GetProperty("terms").EnumerateArray().Select(t => t.GetString()!).Where(t => t[0] is not ('#' or '$')));
        }

        // Every keyword is shown as written in the taxonomy, and some of them are not their own stems ("laminated dough", not "lamin dough").
        Assert.NotEmpty(keywords);
        Assert.All(keywords, k => Assert.Contains(k, aliases));
        Assert.Contains(keywords, k => string.Join(' ', Application.Topics.TopicTokenizer.Words(k)) != k);
    }

    [Fact]
    public async Task Topics_and_explain_on_read_use_the_posts_stored_topics_as_the_run_did_not_their_text()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempFolder();
        var (db, best) = await DemoAsync(temp);
        var before = (await CliRun.RunAsync("topics", best, "--db", db, "--json")).Json();
        var topic = before.GetProperty("topics")[0].GetProperty("topic").GetString()!;
        var explainBefore = (await CliRun.RunAsync("explain", best, "--topic", topic, "--db", db, "--json")).Json();

        // The account's post texts now say something else; their stored topics (what the run read) are unchanged.
        long id;
        await using (var store = new SqliteResonanceStore(DatabaseLocation.Parse(db)))
        {
            id = (await AccountNames.ResolveAsync(store, best, ct)).Id;
        }
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}"))
        {
            await connection.OpenAsync(ct);
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE posts SET text = 'Lovely walking bass lines tonight', hashtags = '' WHERE author_id = $id";
            update.Parameters.AddWithValue("$id", id);
            Assert.True(await update.ExecuteNonQueryAsync(ct) > 0);
        }

        var after = (await CliRun.RunAsync("topics", best, "--db", db, "--json")).Json();
        var explainAfter = await CliRun.RunAsync("explain", best, "--topic", topic, "--db", db, "--json");

        Assert.Equal(before.ToString(), after.ToString()); // same topics, counts, terms and top posts, and no note
        Assert.True(explainAfter.ExitCode == 0, explainAfter.Error);
        Assert.Equal(explainBefore.ToString(), explainAfter.Json().ToString());
    }

    [Fact]
    public async Task Topics_extract_stores_another_taxonomys_topics_once_and_score_then_reads_them()
    {
        using var temp = new TempFolder();
        var db = await DemoDbAsync(temp);
        var taxonomy = temp.File("extra.tsv");
        await File.WriteAllTextAsync(taxonomy, "cast-iron\tcooking\tcast iron\n", TestContext.Current.CancellationToken);

        // Import stored the built-in taxonomy's topics: nothing to extract for it, every post for the operator's.
        Assert.Equal(0, (await CliRun.RunAsync("topics", "extract", "--db", db, "--json")).Json().GetProperty("extracted").GetInt64());
        var text = await CliRun.RunAsync("topics", "extract", "--db", db, "--taxonomy", taxonomy);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Extracted and stored the topics of", text.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRun.RunAsync("topics", "extract", "--db", db, "--taxonomy", taxonomy, "--json")).Json().GetProperty("extracted").GetInt64());

        // score with that taxonomy reads them (no extract phase) and ranks the operator's topic.
        var run = (await CliRun.RunAsync("score", "--db", db, "--taxonomy", taxonomy, "--json")).Json();
        Assert.DoesNotContain(run.GetProperty("timings").EnumerateArray(), t => t.GetProperty("key").GetString() == "extract");
        Assert.NotEqual(0, (await CliRun.RunAsync("top", "--db", db, "--topic", "cast-iron", "--taxonomy", taxonomy, "--json")).Json()
            .GetProperty("scores").GetArrayLength());
        // Back to the built-in taxonomy: score extracts again first.
        var builtIn = (await CliRun.RunAsync("score", "--db", db, "--json")).Json();
        Assert.Contains(builtIn.GetProperty("timings").EnumerateArray(), t => t.GetProperty("key").GetString() == "extract");
    }

    [Fact]
    public async Task A_runs_stored_topics_read_the_same_after_more_data_is_imported_and_a_run_without_them_says_so()
    {
        using var temp = new TempFolder();
        var db = await DemoDbAsync(temp);
        Assert.Equal(0, (await CliRun.RunAsync("score", "--db", db, "--no-topics")).ExitCode);
        var best = (await CliRun.RunAsync("top", "--db", db, "--run", "1", "--n", "1", "--json")).Json().GetProperty("scores")[0].GetProperty("account").GetString()!;
        var topics = (await CliRun.RunAsync("topics", best, "--db", db, "--run", "1", "--json")).Json();
        var topic = topics.GetProperty("topics")[0].GetProperty("topic").GetString()!;
        string[][] reads =
        [
            ["top", "--topic", topic, "--run", "1", "--n", "300", "--json"],
            ["topics", best, "--run", "1", "--json"],
            ["explain", best, "--topic", topic, "--run", "1", "--json"],
            ["explain", best, "--topic", topic, "--run", "1"],
        ];
        var before = await ReadAllAsync(db, reads);
        var bare = await CliRun.RunAsync("top", "--db", db, "--topic", topic, "--run", "2", "--n", "300");
        var bareBefore = (await CliRun.RunAsync("top", "--db", db, "--topic", topic, "--run", "2", "--n", "300", "--json")).Json();

        // More people and engagement in the runs' window (they cover every network): another seed of the generator, in a
        // second network so that the accounts read keep their names.
        var more = temp.File("more.jsonl");
        Assert.Equal(0, (await CliRun.RunAsync("generate", "--people", "300", "--seed", "12", "--network", "elsewhere", "--out", more)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("import", more, "--format", "jsonl", "--db", db)).ExitCode);
        var after = await ReadAllAsync(db, reads);
        var bareAfter = (await CliRun.RunAsync("top", "--db", db, "--topic", topic, "--run", "2", "--n", "300", "--json")).Json();

        Assert.True(topics.GetProperty("topics_stored").GetBoolean());
        Assert.Equal(JsonValueKind.Null, topics.GetProperty("note").ValueKind);
        Assert.Equal(before, after);
        Assert.Contains("Run 2 stores no topic scores", bare.Out, StringComparison.Ordinal);
        Assert.False(bareBefore.GetProperty("topics_stored").GetBoolean());
        Assert.Contains("recomputed now", bareBefore.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(bareBefore.GetProperty("scores").ToString(), bareAfter.GetProperty("scores").ToString());
    }

    [Fact]
    public async Task Explain_topic_refuses_with_65_once_the_runs_window_changed_and_topics_shows_the_stored_counts_with_a_note()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempFolder();
        var (db, best) = await DemoAsync(temp);
        var before = (await CliRun.RunAsync("topics", best, "--db", db, "--json")).Json().GetProperty("topics")[0];
        var topic = before.GetProperty("topic").GetString()!;
        var post = before.GetProperty("top_posts")[0].GetProperty("post").GetString()!;
        var explained = await CliRun.RunAsync("explain", best, "--topic", topic, "--db", db, "--json");
        Assert.True(explained.ExitCode == 0, explained.Error);
        var asOf = (await CliRun.RunAsync("runs", "--db", db, "--json")).Json()[0].GetProperty("parameters").GetProperty("as_of_ms").GetInt64();

        // Two late likes on its most engaged post about the topic, inside the run's window, by accounts that already exist.
        await using (var store = new SqliteResonanceStore(DatabaseLocation.Parse(db)))
        {
            var account = await AccountNames.ResolveAsync(store, best, ct);
            var likers = (await store.DescribeAccountsAsync([.. (await store.TopScoresAsync(1, 40, ct)).Select(s => s.AccountId).Where(id => id != account.Id)], ct))
                .Values.OrderBy(a => a.Id).Take(2).ToList();
            var at = DateTimeOffset.FromUnixTimeMilliseconds(asOf).AddHours(-1);
            var records = likers.Select((l, i) => Domain.SourceRecord.Of(i + 1,
                new Domain.Interaction(account.Network, at.AddSeconds(i), l.ExternalId, account.ExternalId, Domain.InteractionKind.Like, post))).ToList();
            await new Application.Importing.ImportService(store).RunAsync([new Application.Importing.ImportSource("late", records, () => 0, 0)],
                new Application.Importing.ImportOptions("late"), null, ct);
        }

        var explain = await CliRun.RunAsync("explain", best, "--topic", topic, "--db", db);
        var topics = (await CliRun.RunAsync("topics", best, "--db", db, "--json")).Json();
        var after = topics.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("topic").GetString() == topic);

        Assert.Equal(65, explain.ExitCode);
        Assert.Contains("window changed since the run", explain.Error, StringComparison.Ordinal);
        Assert.Contains($"so the explanation of {topic} would not be the run's", explain.Error, StringComparison.Ordinal);
        Assert.Contains("window changed since the run", topics.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.True(topics.GetProperty("topics_stored").GetBoolean());
        Assert.Equal(before.GetProperty("engagements").GetDouble(), after.GetProperty("engagements").GetDouble()); // the run's count, not 2 more
        Assert.Equal(before.GetProperty("score").ToString(), after.GetProperty("score").ToString());
        Assert.Equal(0, after.GetProperty("top_posts").GetArrayLength());
    }

    /// <summary>The 300-person demo community (seed 11) in <paramref name="temp"/>, scored, and its leading account.</summary>
    internal static async Task<(string Db, string Best)> DemoAsync(TempFolder temp)
    {
        var db = await DemoDbAsync(temp);
        return (db, (await CliRun.RunAsync("top", "--db", db, "--n", "1", "--json")).Json().GetProperty("scores")[0].GetProperty("account").GetString()!);
    }

    /// <summary>The 300-person demo database in <paramref name="temp"/>, generated, imported and scored.</summary>
    private static async Task<string> DemoDbAsync(TempFolder temp)
    {
        Assert.Equal(0, (await CliRun.RunAsync("demo", "--people", "300", "--seed", "11", "--dir", temp.Path, "--no-serve")).ExitCode);
        return temp.File("resonance.db");
    }

    private static async Task<List<string>> ReadAllAsync(string db, string[][] reads)
    {
        var outputs = new List<string>();
        foreach (var args in reads)
        {
            var run = await CliRun.RunAsync([.. args, "--db", db]);
            Assert.True(run.ExitCode == 0, run.Error);
            outputs.Add(run.Out);
        }
        return outputs;
    }

    [Fact]
    public async Task Accepting_a_candidate_appends_it_to_the_operator_file_and_removes_it_from_the_candidates()
    {
        using var temp = new TempFolder();
        var db = await DemoDbAsync(temp);
        var file = temp.File("ops.tsv");
        var before = (await CliRun.RunAsync("topics", "candidates", "--db", db, "--json")).Json().GetProperty("candidates");
        Assert.NotEqual(0, before.GetArrayLength());
        var tag = before[0].GetProperty("tag").GetString()!;

        var bad = await CliRun.RunAsync("topics", "candidates", "--db", db, "--accept", tag, "--parent", "nowhere", "--taxonomy", file);
        var accepted = await CliRun.RunAsync("topics", "candidates", "--db", db, "--accept", tag, "--as", "planted", "--taxonomy", file);
        var after = (await CliRun.RunAsync("topics", "candidates", "--db", db, "--taxonomy", file, "--json")).Json().GetProperty("candidates");

        Assert.Equal(64, bad.ExitCode);
        Assert.Equal(0, accepted.ExitCode);
        Assert.Equal($"planted\t\t{tag}\n", File.ReadAllText(file));
        Assert.DoesNotContain(after.EnumerateArray(), c => c.GetProperty("tag").GetString() == tag);
        Assert.Equal(before.GetArrayLength() - 1, after.GetArrayLength());
    }

    [Fact]
    public async Task A_topic_its_holder_hid_is_shown_by_neither_topics_top_nor_explain_and_is_listed_as_a_rejection()
    {
        using var temp = new TempFolder();
        var (db, best) = await DemoAsync(temp);
        var before = (await CliRun.RunAsync("topics", best, "--db", db, "--json")).Json().GetProperty("topics");
        var topic = before[0].GetProperty("topic").GetString()!;
        var ranked = (await CliRun.RunAsync("top", "--db", db, "--topic", topic, "--n", "300", "--json")).Json().GetProperty("scores");
        Assert.Contains(ranked.EnumerateArray(), r => r.GetProperty("account").GetString() == best);
        await HideAsync(db, best, topic);

        var after = (await CliRun.RunAsync("topics", best, "--db", db, "--json")).Json();
        var rankedAfter = (await CliRun.RunAsync("top", "--db", db, "--topic", topic, "--n", "300", "--json")).Json().GetProperty("scores");
        var explain = await CliRun.RunAsync("explain", best, "--topic", topic, "--db", db);
        var rejections = (await CliRun.RunAsync("topics", "rejections", "--db", db, "--json")).Json().GetProperty("rejections");

        Assert.DoesNotContain(after.GetProperty("topics").EnumerateArray(), t => t.GetProperty("topic").GetString() == topic);
        Assert.Equal(before.GetArrayLength() - 1, after.GetProperty("topics").GetArrayLength());
        Assert.Equal(1, after.GetProperty("hidden_topics").GetInt32());
        Assert.DoesNotContain(rankedAfter.EnumerateArray(), r => r.GetProperty("account").GetString() == best);
        Assert.Equal(ranked.GetArrayLength() - 1, rankedAfter.GetArrayLength());
        Assert.Equal(66, explain.ExitCode);
        Assert.Contains($"hid the topic '{topic}'", explain.Error, StringComparison.Ordinal);
        Assert.Equal(topic, rejections.EnumerateArray().Single().GetProperty("topic").GetString());
        Assert.Equal("#planted", rejections[0].GetProperty("terms")[0].GetProperty("term").GetString());
    }

    /// <summary>A member claims <paramref name="label"/>, an admin approves it, and the member hides <paramref name="topic"/>.</summary>
    private static async Task HideAsync(string db, string label, string topic)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = new SqliteResonanceStore(DatabaseLocation.Parse(db));
        var user = new MemberUser { UserName = "holder", NormalizedUserName = "HOLDER", Email = "holder@example.test", NormalizedEmail = "HOLDER@EXAMPLE.TEST", SecurityStamp = "s" };
        await using (var context = store.CreateContext())
        {
            context.Users.Add(user);
            await context.SaveChangesAsync(ct);
        }
        var account = await AccountNames.ResolveAsync(store, label, ct);
        var claim = await store.ClaimAsync(user.Id, account, ct);
        await store.DecideClaimAsync(claim.Id, approve: true, ct);
        await store.HideTopicAsync(user.Id, account.Id, topic, ["#planted"], ct);
    }
}
