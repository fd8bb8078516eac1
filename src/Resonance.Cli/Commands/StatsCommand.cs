using System.CommandLine;
using Resonance.Application.Stats;
using Spectre.Console;

namespace Resonance.Cli.Commands;

/// <summary><c>resonance stats [--json] [--top N]</c>: what is in the database.</summary>
internal static class StatsCommand
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the statistics as JSON." };
        var top = new Option<int>("--top") { Description = "How many most-engaged accounts to list.", DefaultValueFactory = _ => 10, HelpName = "N" };
        top.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 10_000) { r.AddError("--top must be between 0 and 10000."); }
        });
        var command = new Command("stats", """
            Show what the database holds: counts by network and interaction kind, the time range,
            and the accounts that received the most interactions (raw counts, not influence scores).

            Examples:
              resonance stats
              resonance stats --top 25 --json
              resonance stats --db postgres://me@localhost/resonance
            """)
        { json, top };
        command.SetAction((parse, ct) =>
        {
            var location = GlobalOptions.Database(parse);
            return CommandRunner.RunAsync(console, location, async () =>
            {
                if (location.Provider == Storage.DatabaseLocation.Sqlite && !File.Exists(location.Display))
                {
                    console.Fail($"no database at {location.Display}. Import data first (resonance import …) or pass --db.");
                    return ExitCodes.NoInput;
                }
                await using var store = await StoreAccess.OpenReadyAsync(location, ct).ConfigureAwait(false);
                var stats = await store.GetStatsAsync(parse.GetValue(top), ct).ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    console.WriteJson(new { database = location.Display, stats });
                }
                else
                {
                    Write(console.Out, stats, location.Display);
                }
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    internal static void Write(IAnsiConsole o, DatasetStats s, string database)
    {
        o.MarkupLine($"[bold]{Markup.Escape(database)}[/]: {s.Networks:N0} network(s), {s.Accounts:N0} accounts, {s.Posts:N0} posts, {s.Interactions:N0} interactions, {s.ImportRuns:N0} import run(s).");
        if (s.ByNetwork.Count == 0)
        {
            o.WriteLine("The database is empty. Import data with `resonance import`.");
            return;
        }
        var kinds = Domain.InteractionKinds.All.Select(Domain.InteractionKinds.Name).ToList();
        var table = new Table().Border(TableBorder.Simple).AddColumns("network", "accounts", "posts", "interactions");
        foreach (var k in kinds) { table.AddColumn(new TableColumn(k).RightAligned()); }
        table.AddColumns("first", "last");
        foreach (var n in s.ByNetwork)
        {
            var row = new List<string> { Markup.Escape(n.Network), $"{n.Accounts:N0}", $"{n.Posts:N0}", $"{n.Interactions:N0}" };
            row.AddRange(kinds.Select(k => n.InteractionsByKind.TryGetValue(k, out var c) ? $"{c:N0}" : "-"));
            row.Add(n.FirstInteraction?.ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? "-");
            row.Add(n.LastInteraction?.ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? "-");
            table.AddRow(row.ToArray());
        }
        o.Write(table);
        foreach (var n in s.ByNetwork.Where(n => n.UntimedInteractions > 0))
        {
            o.WriteLine($"{n.Network}: {n.UntimedInteractions:N0} untimed interaction(s) (from edge lists).");
        }
        if (s.TopAccounts.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Most interactions received (raw counts, not a score):");
            var top = new Table().Border(TableBorder.Simple).AddColumns("#", "network", "account", "interactions received", "distinct actors");
            var rank = 0;
            foreach (var a in s.TopAccounts)
            {
                top.AddRow($"{++rank}", Markup.Escape(a.Network), Markup.Escape(a.Handle is null ? a.ExternalId : $"{a.Handle} ({a.ExternalId})"),
                    $"{a.InteractionsReceived:N0}", $"{a.DistinctActors:N0}");
            }
            o.Write(top);
        }
    }
}
