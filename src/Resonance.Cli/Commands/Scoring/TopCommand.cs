using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Resonance.Cli.Commands.Scoring;

/// <summary><c>resonance top</c>: the highest scores of a run, with intervals and sub-scores.</summary>
internal static class TopCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Option<long?>("--run") { Description = "The run (default: the latest).", HelpName = "R" };
        var count = new Option<int>("--n") { Description = "How many accounts.", DefaultValueFactory = _ => 20, HelpName = "N" };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100_000) { r.AddError("--n must be between 1 and 100000."); }
        });
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var topic = new Option<string?>("--topic")
        {
            Description = "Rank by the topic score instead: engagement on posts about TOPIC only, as the run stored it (docs/topics.md).",
            HelpName = "TOPIC",
        };
        var community = new Option<int?>("--community")
        {
            Description = "List one community's members instead, by their rank within it (`resonance communities` lists them; docs/communities.md).",
            HelpName = "C",
        };
        var taxonomy = Topics.TopicOptions.Taxonomy();
        var command = new Command("top", "Show the highest-scoring accounts of a run, each with its interval and sub-scores.") { run, count, json, topic, community, taxonomy };
        command.SetAction((parse, ct) => ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
        {
            var info = await ScoringCommandRunner.RunOrLatestAsync(store, parse.GetValue(run), ct).ConfigureAwait(false);
            if (parse.GetValue(community) is { } c)
            {
                return parse.GetValue(topic) is null
                    ? await Communities.CommunityTopView.RunAsync(console, store, info, c, parse.GetValue(count), parse.GetValue(json), parse.GetValue(taxonomy), ct).ConfigureAwait(false)
                    : throw new ArgumentException("--topic and --community cannot be combined; pick one ranking.");
            }

            IReadOnlyList<Application.Scoring.AccountScore> scores;
            string? note = null;
            if (parse.GetValue(topic) is { } t)
            {
                var service = Topics.TopicOptions.Service(store, parse.GetValue(taxonomy));
                note = service.Note(info);
                var (name, ranked) = await service.RankAsync(info, t, ct).ConfigureAwait(false);
                // An account whose holder hid the topic is left out (its rank number stays with it, unshown).
                var hidden = await Topics.TopicOptions.HiddenAsync(store, [.. ranked.Select(s => s.AccountId)], ct).ConfigureAwait(false);
                scores = [.. ranked.Where(s => !(hidden.GetValueOrDefault(s.AccountId)?.Contains(name) ?? false)).Take(parse.GetValue(count))];
            }
            else
            {
                scores = await store.TopScoresAsync(info.Id, parse.GetValue(count), ct).ConfigureAwait(false);
            }
            var names = await store.DescribeAccountsAsync([.. scores.Select(s => s.AccountId)], ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.WriteJson(new
                {
                    run = info.Id, algorithm = info.Algorithm.ToString(), topic = parse.GetValue(topic), topicsStored = parse.GetValue(topic) is null ? (bool?)null : note is null,
                    note, scores = scores.Select(s => new { account = ScoreFormat.Name(names, s.AccountId), s }),
                });
                return ExitCodes.Ok;
            }

            console.Out.WriteLine(ScoreFormat.RunLine(info) + (parse.GetValue(topic) is { } about ? $"; scored on topic '{about}'" : ""));
            if (note is not null)
            {
                console.Out.WriteLine("Note: " + note);
            }
            var table = new Table().Border(TableBorder.Simple).AddColumns("#", "account", "score (90% interval)", "reach", "amplification", "impact");
            foreach (var s in scores)
            {
                table.AddRow(s.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(ScoreFormat.Name(names, s.AccountId)), ScoreFormat.WithInterval(s),
                    s.Reach.ToString("0.#", CultureInfo.InvariantCulture), s.Amplification.ToString("0.##", CultureInfo.InvariantCulture),
                    s.Impact.ToString("0.#", CultureInfo.InvariantCulture));
            }

            console.Out.Write(table);
            console.Out.WriteLine("reach: engaged accounts (decay-weighted); amplification: smoothed reposts, quotes and replies per post; impact: standing of the engagers.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
