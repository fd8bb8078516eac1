using System.CommandLine;
using System.Globalization;
using Resonance.Application.Communities;
using Resonance.Application.Integrity.Discounts;
using Resonance.Application.Scoring;
using Spectre.Console;

namespace Resonance.Cli.Commands.Scoring;

/// <summary><c>resonance explain ACCOUNT</c>: the exact decomposition of an account's score in a run.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var account = new Argument<string>("account") { Description = "NETWORK:ID-OR-HANDLE, or a member's email or user name (a person: every linked network)." };
        var run = new Option<long?>("--run") { Description = "The run (default: the latest).", HelpName = "R" };
        var count = new Option<int>("--n") { Description = "How many influencees and influencers to list.", DefaultValueFactory = _ => 10, HelpName = "N" };
        var json = new Option<bool>("--json") { Description = "Print the full explanation (every contribution) as JSON." };
        var topic = new Option<string?>("--topic")
        {
            Description = "Explain the account's score on this topic instead: engagement on its posts about the topic, and those posts (docs/topics.md).",
            HelpName = "TOPIC",
        };
        var taxonomy = Topics.TopicOptions.Taxonomy();
        var command = new Command("explain", """
            Explain an account's score: its sub-scores and what each engaging account added. The contributions plus the
            amplification prior add up exactly to the raw score, which the calibration maps to 1–100. In a run of a version
            with integrity defences (resonance@2) it also lists every discount: what each defence took from the raw score,
            engager by engager, with the reasons (recomputed from the run's data, which must be unchanged). Given a member,
            explain their combined score: each network's score, what it contributes, and its top contributions.

            Examples:
              resonance explain higgs:88
              resonance explain mastodon:@alice --run 3 --json
              resonance explain ada@example.org
              resonance explain synthetic:u268 --topic cooking
            """)
        { account, run, count, json, topic, taxonomy };
        command.SetAction((parse, ct) => parse.GetValue(topic) is { } about
            ? Topics.TopicExplainView.RunAsync(console, parse, parse.GetValue(account)!, about, parse.GetValue(run), parse.GetValue(count),
                parse.GetValue(json), parse.GetValue(taxonomy), ct)
            : Persons.PersonCommandRunner.IsPerson(parse.GetValue(account)!)
            ? Persons.PersonExplain.RunAsync(console, GlobalOptions.Database(parse), parse.GetValue(account)!, parse.GetValue(run), parse.GetValue(count), parse.GetValue(json), ct)
            : ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
        {
            var who = await ScoringCommandRunner.AccountAsync(store, parse.GetValue(account)!, ct).ConfigureAwait(false);
            var info = await ScoringCommandRunner.RunOrLatestAsync(store, parse.GetValue(run), ct).ConfigureAwait(false);
            var e = await new ExplainService(store).ExplainAsync(info.Id, who, parse.GetValue(count), ct).ConfigureAwait(false);
            var placement = e.Score is { } scored
                ? await Communities.CommunityAccess.Service(store, parse.GetValue(taxonomy)).PlacementAsync(info, scored, CommunityLabels.SignedInReader, ct).ConfigureAwait(false)
                : null;
            var discounts = await new DiscountService(store).ExplainAsync(info, who.Id, ct).ConfigureAwait(false);
            var names = discounts is null ? e.Names
                : await store.DescribeAccountsAsync([.. DiscountFormat.Discounted(discounts).Select(d => d.EngagerId)], ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.WriteJson(new
                {
                    run = info.Id, algorithm = info.Algorithm.ToString(), account = who.Label, e.Score, e.ScoredAccounts, residual = e.Residual,
                    community = placement is null ? null : new
                    {
                        id = placement.Community.Id, label = placement.Label.Text, placement.Community.Size, placement.Community.Scored,
                        rank = placement.Standing.Rank, top_share = placement.CommunityTopShare, global_top_share = placement.GlobalTopShare,
                        preferred = placement.Preferred, standing = placement.Text,
                    },
                    influencees = e.Contributions.Select(c => new { account = ScoreFormat.Name(e.Names, c.EngagerId), c.Reach, c.Amplification, c.Impact, c.Total }),
                    influencers = e.Influencers.Select(c => new { account = ScoreFormat.Name(e.Names, c.AccountId), contribution = c.Total }),
                    discounts = discounts is null ? null : DiscountFormat.Json(discounts, names),
                });
                return ExitCodes.Ok;
            }

            Write(console.Out, e, parse.GetValue(count));
            if (placement is not null)
            {
                console.Out.WriteLine(Communities.CommunityStandingText.Line(placement));
            }

            if (discounts is not null)
            {
                DiscountFormat.Write(console.Out, discounts, names, parse.GetValue(count));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    internal static void Write(IAnsiConsole o, Explanation e, int n)
    {
        o.WriteLine(ScoreFormat.RunLine(e.Run));
        if (e.Score is not { } s)
        {
            o.WriteLine($"{e.Account.Label} is not scored in run {e.Run.Id}: nobody engaged with it in the window. Your own activity never scores you.");
        }
        else
        {
            var (reach, amplification, impact) = e.Totals;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Account.Label}: score {ScoreFormat.WithInterval(s)}, rank {s.Rank:N0} of {e.ScoredAccounts:N0}, raw {s.Raw:0.####}"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  raw = reach {reach:0.####} + amplification {amplification:0.####} + impact {impact:0.####} + prior {s.Base:0.####}   (check: {e.Residual:0.0e+0})"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  sub-scores: reach {s.Reach:0.##} engaged accounts; amplification {s.Amplification:0.###} reposts, quotes and replies per post (per engagement where posts are unknown); impact {s.Impact:0.##}"));
            var influencees = new Table().Border(TableBorder.Simple).Title($"Top influencees (who acts on its content), {e.Contributions.Count:N0} in all")
                .AddColumns("account", "reach", "amplification", "impact", "total", "share");
            foreach (var c in e.Contributions.Take(n))
            {
                influencees.AddRow(Markup.Escape(ScoreFormat.Name(e.Names, c.EngagerId)), F(c.Reach), F(c.Amplification), F(c.Impact), F(c.Total),
                    string.Create(CultureInfo.InvariantCulture, $"{100 * c.Total / s.Raw:0.#}%"));
            }

            o.Write(influencees);
        }

        if (e.Influencers.Count > 0)
        {
            var influencers = new Table().Border(TableBorder.Simple).Title("Top influencers (whose content it acts on)").AddColumns("account", "added to their raw score");
            foreach (var c in e.Influencers)
            {
                influencers.AddRow(Markup.Escape(ScoreFormat.Name(e.Names, c.AccountId)), F(c.Total));
            }

            o.Write(influencers);
        }
    }

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
