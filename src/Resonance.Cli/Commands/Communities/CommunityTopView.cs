using System.Globalization;
using Resonance.Application.Communities;
using Resonance.Application.Scoring;
using Resonance.Cli.Commands.Scoring;
using Spectre.Console;

namespace Resonance.Cli.Commands.Communities;

/// <summary><c>resonance top --community C</c>: a community's members by their rank within it.</summary>
internal static class CommunityTopView
{
    public static async Task<int> RunAsync(CliConsole console, IScoreStore store, ScoreRunInfo info, int community, int count, bool json, string[]? taxonomy,
        CancellationToken ct)
    {
        var view = await CommunityAccess.Service(store, taxonomy).GetAsync(info, community, count, CommunityLabels.SignedInReader, ct).ConfigureAwait(false);
        var members = await CommunityAccess.WithScoresAsync(store, info.Id, view.TopMembers, ct).ConfigureAwait(false);
        var names = await store.DescribeAccountsAsync([.. view.TopMembers.Select(m => m.AccountId)], ct).ConfigureAwait(false);
        var c = view.Community;
        if (json)
        {
            console.WriteJson(new
            {
                run = info.Id, algorithm = info.Algorithm.ToString(),
                community = new { id = c.Id, c.Size, c.Scored, label = view.Label.Text, topics = view.Label.Topics, named = view.Label.Named },
                scores = members.Select(m => new
                {
                    account = ScoreFormat.Name(names, m.Standing.AccountId), community_rank = m.Standing.Rank, top_share = m.Standing.TopShare(c.Scored),
                    m.Standing.Centrality, s = m.Score,
                }),
            });
            return ExitCodes.Ok;
        }

        console.Out.WriteLine(ScoreFormat.RunLine(info));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{view.Label.Text}: {c.Scored:N0} scored members, ranked within the community"));
        var table = new Table().Border(TableBorder.Simple).AddColumns("#", "account", "score (90% interval)", "run rank", "standing");
        foreach (var (standing, score) in members)
        {
            table.AddRow(standing.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(ScoreFormat.Name(names, standing.AccountId)),
                score is { } s ? ScoreFormat.WithInterval(s) : "-", score?.Rank.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                CommunityPlacement.TopPercent(standing.TopShare(c.Scored)));
        }

        console.Out.Write(table);
        return ExitCodes.Ok;
    }
}
