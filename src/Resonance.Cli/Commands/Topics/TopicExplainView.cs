using System.CommandLine;
using System.Globalization;
using Resonance.Cli.Commands.Scoring;
using Spectre.Console;

namespace Resonance.Cli.Commands.Topics;

/// <summary><c>resonance explain ACCOUNT --topic T</c>: the topic score's decomposition and the posts behind it.</summary>
internal static class TopicExplainView
{
    public static Task<int> RunAsync(CliConsole console, ParseResult parse, string account, string topic, long? runId, int count, bool json,
        string[]? taxonomy, CancellationToken ct) =>
        ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
        {
            var who = await ScoringCommandRunner.AccountAsync(store, account, ct).ConfigureAwait(false);
            var info = await ScoringCommandRunner.RunOrLatestAsync(store, runId, ct).ConfigureAwait(false);
            var service = TopicOptions.Service(store, taxonomy);
            var hidden = (await TopicOptions.HiddenAsync(store, [who.Id], ct).ConfigureAwait(false)).GetValueOrDefault(who.Id);
            if (service.Taxonomy.Find(topic) is { } known && hidden?.Contains(known.Name) == true)
            {
                console.Fail($"{who.Label}'s holder hid the topic '{known.Name}'; it is not shown.");
                return ExitCodes.NoInput;
            }
            var note = service.Note(info);
            var t = await service.ExplainAsync(info, who.Id, topic, ct).ConfigureAwait(false);
            var names = await store.DescribeAccountsAsync(t.AccountIds(who.Id, count), ct).ConfigureAwait(false);
            var e = t.Explain(info, who, names, count);
            if (json)
            {
                console.WriteJson(new
                {
                    run = info.Id, algorithm = info.Algorithm.ToString(), account = who.Label, topic = t.Topic, topicsStored = note is null, note,
                    e.Score, e.ScoredAccounts, residual = e.Residual,
                    evidence = t.Evidence,
                    influencees = e.Contributions.Select(c => new { account = ScoreFormat.Name(e.Names, c.EngagerId), c.Reach, c.Amplification, c.Impact, c.Total }),
                    influencers = e.Influencers.Select(c => new { account = ScoreFormat.Name(e.Names, c.AccountId), contribution = c.Total }),
                });
                return ExitCodes.Ok;
            }

            if (note is not null)
            {
                console.Out.WriteLine("Note: " + note);
            }
            console.Out.WriteLine($"Topic '{t.Topic}': only engagement on posts about it counts; scores are calibrated among the accounts engaged on it.");
            if (t.Evidence is { } ev)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {ev.Posts} posts about it, {ev.Engagements:0.#} engagements from {ev.Engagers} accounts; matched: {string.Join(", ", ev.Terms)}"));
                foreach (var (post, n) in ev.TopPosts)
                {
                    console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  post {post}: {n:0.#} engagements"));
                }
            }

            ExplainCommand.Write(console.Out, e, count);
            return ExitCodes.Ok;
        });
}
