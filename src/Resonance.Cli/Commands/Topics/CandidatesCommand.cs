using System.CommandLine;
using System.Globalization;
using Resonance.Application.Topics;
using Resonance.Cli.Commands.Scoring;
using Spectre.Console;

namespace Resonance.Cli.Commands.Topics;

/// <summary><c>resonance topics candidates</c>: unknown hashtags frequent enough to become topics, and accepting one.</summary>
internal static class CandidatesCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Option<long?>("--run") { Description = "The run whose network and window to read (default: the latest).", HelpName = "R" };
        var minPosts = new Option<int>("--min-posts") { Description = "Fewest posts using the tag.", DefaultValueFactory = _ => 5, HelpName = "N" };
        var minAuthors = new Option<int>("--min-authors") { Description = "Fewest distinct authors using it.", DefaultValueFactory = _ => 2, HelpName = "N" };
        var accept = new Option<string?>("--accept") { Description = "Accept this candidate (#tag or $TICKER): append it to the --taxonomy file.", HelpName = "TAG" };
        var name = new Option<string?>("--as") { Description = "The topic an accepted tag becomes or joins (default: the tag without its sigil).", HelpName = "TOPIC" };
        var parent = new Option<string?>("--parent") { Description = "The parent of a new topic.", HelpName = "TOPIC" };
        var taxonomy = TopicOptions.Taxonomy();
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var command = new Command("candidates", """
            List candidate topics: hashtags and cashtags the taxonomy does not know, used by enough posts and authors
            (reposts not counted). --accept appends the tag to the last --taxonomy file, as a new topic or an alias.

            Examples:
              resonance topics candidates --min-posts 3
              resonance topics candidates --accept '#rstats' --as data-science --taxonomy my-topics.tsv
            """)
        { run, minPosts, minAuthors, accept, name, parent, taxonomy, json };
        command.SetAction((parse, ct) => ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
        {
            var files = parse.GetValue(taxonomy) ?? [];
            if (parse.GetValue(accept) is { } tag)
            {
                return Accept(console, files, tag, parse.GetValue(name), parse.GetValue(parent));
            }

            var info = await ScoringCommandRunner.RunOrLatestAsync(store, parse.GetValue(run), ct).ConfigureAwait(false);
            var candidates = await TopicOptions.Service(store, files)
                .CandidatesAsync(info.Parameters, new CandidateOptions(parse.GetValue(minPosts), parse.GetValue(minAuthors)), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.WriteJson(new { run = info.Id, candidates });
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("tag", "posts", "authors", "seen with", "example posts");
            foreach (var c in candidates)
            {
                table.AddRow(Markup.Escape(c.Tag), c.Posts.ToString(CultureInfo.InvariantCulture), c.Authors.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", c.CoTopics.Take(3))), Markup.Escape(string.Join(", ", c.ExamplePostIds)));
            }

            console.Out.Write(table);
            console.Out.WriteLine($"{candidates.Count} candidates. Accept one with: resonance topics candidates --accept TAG [--as TOPIC] [--parent TOPIC] --taxonomy FILE");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static int Accept(CliConsole console, string[] files, string tag, string? topic, string? parent)
    {
        if (files.Length == 0)
        {
            throw new ArgumentException("--accept needs --taxonomy FILE: the operator's file to append to (the built-in taxonomy is read-only).");
        }

        if (tag.Length < 2 || tag[0] is not ('#' or '$'))
        {
            throw new ArgumentException($"--accept takes a #hashtag or $cashtag, not '{tag}'.");
        }

        var name = (topic ?? tag[1..]).Trim().ToLowerInvariant();
        var file = files[^1];
        var line = TopicTaxonomy.FormatLine(name, parent?.Trim().ToLowerInvariant(), [tag.ToLowerInvariant()]);
        // The operator's files as they are must parse (a bad line is bad data: exit 65); then the extended taxonomy must
        // too (a known parent, no cycle: the new line is the command line's, exit 64), before writing.
        _ = TopicTaxonomy.Load(files.Where(File.Exists));
        var existing = File.Exists(file) ? File.ReadAllText(file) : "";
        var separator = existing.Length == 0 || existing.EndsWith('\n') ? "" : "\n";
        var others = files[..^1].Where(File.Exists).Select(File.ReadAllText);
        try
        {
            _ = TopicTaxonomy.Parse([TopicTaxonomy.BuiltInText, .. others, existing + separator + line]);
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, e);
        }

        File.AppendAllText(file, separator + line + "\n");
        console.Out.WriteLine($"added {tag.ToLowerInvariant()} to topic '{name}' in {file}.");
        return ExitCodes.Ok;
    }
}
