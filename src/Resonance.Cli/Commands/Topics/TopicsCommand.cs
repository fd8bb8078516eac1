using System.CommandLine;
using System.Globalization;
using Resonance.Cli.Commands.Scoring;
using Spectre.Console;

namespace Resonance.Cli.Commands.Topics;

/// <summary><c>resonance topics ACCOUNT</c>: what an account posts about, with the evidence and its score on each topic.</summary>
internal static class TopicsCommand
{
    public static Command Create(CliConsole console)
    {
        var account = new Argument<string>("account") { Description = "NETWORK:ID-OR-HANDLE." };
        var run = new Option<long?>("--run") { Description = "The run whose stored topics to read (default: the latest).", HelpName = "R" };
        var taxonomy = TopicOptions.Taxonomy();
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var command = new Command("topics", """
            Show what an account posts about: each topic with the posts, engagement and engagers behind it, the terms
            that matched, and the account's topic score (engagement on its posts about the topic only, scored like the
            main score, with its 90% interval) and rank among the accounts engaged on that topic.

            Examples:
              resonance topics synthetic:u268
              resonance topics mastodon:@alice --json
              resonance topics candidates
              resonance topics rejections
            """)
        { account, run, taxonomy, json, CandidatesCommand.Create(console), RejectionsCommand.Create(console), ExtractCommand.Create(console) };
        command.SetAction((parse, ct) => ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
        {
            var who = await ScoringCommandRunner.AccountAsync(store, parse.GetValue(account)!, ct).ConfigureAwait(false);
            var info = await ScoringCommandRunner.RunOrLatestAsync(store, parse.GetValue(run), ct).ConfigureAwait(false);
            var hidden = (await TopicOptions.HiddenAsync(store, [who.Id], ct).ConfigureAwait(false)).GetValueOrDefault(who.Id) ?? new HashSet<string>();
            var service = TopicOptions.Service(store, parse.GetValue(taxonomy));
            var (topics, note) = await service.AccountAsync(info, who.Id, hidden: hidden, ct: ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.WriteJson(new
                {
                    run = info.Id, account = who.Label, hiddenTopics = hidden.Count, topicsStored = service.IsStored(info), note,
                    topics = topics.Select(t => new
                    {
                        topic = t.Topic.Topic, posts = t.Topic.Posts, engagements = t.Topic.Engagements, engagers = t.Topic.Engagers, terms = t.Topic.Terms,
                        topPosts = t.Topic.TopPosts.Select(p => new { post = p.PostId, engagements = p.Engagements }),
                        score = t.Score, ranked = t.Ranked,
                    }),
                });
                return ExitCodes.Ok;
            }

            console.Out.WriteLine($"{who.Label}, window of {ScoreFormat.RunLine(info)}");
            if (note is not null)
            {
                console.Out.WriteLine("Note: " + note);
            }
            if (topics.Count == 0)
            {
                console.Out.WriteLine("No posts about a known topic in this run's window.");
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("topic", "posts", "engagements", "engagers", "topic score (90% interval)", "rank", "matched");
            foreach (var t in topics)
            {
                table.AddRow(Markup.Escape(t.Topic.Topic), Int(t.Topic.Posts), t.Topic.Engagements.ToString("0.#", CultureInfo.InvariantCulture), Int(t.Topic.Engagers),
                    t.Score is { } s ? ScoreFormat.WithInterval(s) : "–", t.Score is { } r ? $"{Int(r.Rank)} of {Int(t.Ranked)}" : "–",
                    Markup.Escape(string.Join(", ", t.Topic.Terms.Take(4))));
            }

            console.Out.Write(table);
            if (hidden.Count > 0)
            {
                console.Out.WriteLine($"{hidden.Count} {(hidden.Count == 1 ? "topic" : "topics")} hidden by the account's holder, not shown.");
            }
            console.Out.WriteLine("engagements: likes, reposts, replies and quotes by others on the account's posts about the topic; a topic includes its subtopics.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);
}
