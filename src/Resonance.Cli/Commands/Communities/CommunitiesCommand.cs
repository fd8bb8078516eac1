using System.CommandLine;
using System.Globalization;
using Resonance.Application.Communities;
using Resonance.Cli.Commands.Scoring;
using Spectre.Console;

namespace Resonance.Cli.Commands.Communities;

/// <summary><c>resonance communities</c>: a run's communities, largest first, with size, label and top members.</summary>
internal static class CommunitiesCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Option<long?>("--run") { Description = "The run (default: the latest).", HelpName = "R" };
        var count = new Option<int>("--n") { Description = "How many communities, largest first.", DefaultValueFactory = _ => 20, HelpName = "N" };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100_000) { r.AddError("--n must be between 1 and 100000."); }
        });
        var membersEach = new Option<int>("--members") { Description = "Top members to list per community (by score within it).", DefaultValueFactory = _ => 3, HelpName = "K" };
        membersEach.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 1000) { r.AddError("--members must be between 0 and 1000."); }
        });
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var taxonomy = Topics.TopicOptions.Taxonomy();
        var command = new Command("communities", """
            List the communities of a run (Leiden on the engagement graph, found when the run was scored), largest first:
            size, label (top topics and the most central members who chose to be visible) and top members. See docs/communities.md.

            Examples:
              resonance communities
              resonance communities --run 3 --n 50 --members 5 --json
              resonance top --community 4
            """)
        { run, count, membersEach, json, taxonomy };
        command.SetAction((parse, ct) => ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
        {
            var info = await ScoringCommandRunner.RunOrLatestAsync(store, parse.GetValue(run), ct).ConfigureAwait(false);
            var service = CommunityAccess.Service(store, parse.GetValue(taxonomy));
            var views = await service.ListAsync(info, parse.GetValue(count), parse.GetValue(membersEach), CommunityLabels.SignedInReader, ct).ConfigureAwait(false);
            var rows = new List<(CommunityView View, IReadOnlyList<(CommunityStanding Standing, Application.Scoring.AccountScore? Score)> Members)>();
            foreach (var v in views)
            {
                rows.Add((v, await CommunityAccess.WithScoresAsync(store, info.Id, v.TopMembers, ct).ConfigureAwait(false)));
            }

            var names = await store.DescribeAccountsAsync([.. views.SelectMany(v => v.TopMembers.Select(m => m.AccountId))], ct).ConfigureAwait(false);
            var total = views.Count == 0 ? 0 : (await ((ICommunityStore)store).CommunitiesAsync(info.Id, ct).ConfigureAwait(false)).Count;
            if (parse.GetValue(json))
            {
                console.WriteJson(new
                {
                    run = info.Id, algorithm = info.Algorithm.ToString(), method = info.Parameters.Communities, communities_total = total,
                    communities = rows.Select(r => new
                    {
                        id = r.View.Community.Id, r.View.Community.Size, r.View.Community.Scored, label = r.View.Label.Text, topics = r.View.Label.Topics,
                        named = r.View.Label.Named,
                        top_members = r.Members.Select(m => new
                        {
                            account = ScoreFormat.Name(names, m.Standing.AccountId), community_rank = m.Standing.Rank,
                            top_share = m.Standing.TopShare(r.View.Community.Scored), m.Standing.Centrality, score = m.Score?.Score, rank = m.Score?.Rank,
                        }),
                    }),
                });
                return ExitCodes.Ok;
            }

            console.Out.WriteLine(ScoreFormat.RunLine(info));
            if (info.Parameters.Communities is not { } method)
            {
                console.Out.WriteLine(CommunityAccess.NoCommunities(info));
                return ExitCodes.Ok;
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{total:N0} communities ({method.Method}, {method.Objective}{(method.Resolution is { } gamma ? $" at resolution {gamma:0.###}" : "")}, seed {method.Seed}); the {views.Count:N0} largest:"));
            var table = new Table().Border(TableBorder.Simple).AddColumns("#", "accounts", "scored", "label", "top members (score)");
            foreach (var (view, members) in rows)
            {
                table.AddRow(view.Community.Id.ToString(CultureInfo.InvariantCulture), view.Community.Size.ToString("N0", CultureInfo.InvariantCulture),
                    view.Community.Scored.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(view.Label.Text),
                    Markup.Escape(string.Join(", ", members.Select(m => $"{ScoreFormat.Name(names, m.Standing.AccountId)} ({(m.Score is { } s ? ScoreFormat.WithInterval(s) : "-")})"))));
            }

            console.Out.Write(table);
            console.Out.WriteLine("Labels name only members visible to signed-in users; the top members are named as `resonance top` names accounts (the operator's view).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
