using System.CommandLine;
using Resonance.Application.Importing;
using Resonance.Application.Topics;
using Resonance.Domain;
using Resonance.Ingest;
using Spectre.Console;

namespace Resonance.Cli.Commands;

/// <summary><c>resonance import PATH... --format FORMAT [--network NAME] [--kind KIND] [--lenient] [--taxonomy FILE]</c>.</summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Input files (plain or .gz), or folders and archives for formats that read them." };
        var format = new Option<string>("--format", "-f")
        {
            Description = $"Input format: {RecordReaders.Names}.",
            Required = true,
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong([.. RecordReaders.All.Select(r => r.Format)]);
        var network = new Option<string?>("--network", "-n") { Description = "Network name (required for edgelist; defaults: higgs-activity → higgs, cascades → url-cascades, mastodon → mastodon, bluesky formats → bluesky, twitter-* → twitter).", HelpName = "NAME" };
        var kind = new Option<string?>("--kind", "-k") { Description = $"Interaction kind for edge lists: {InteractionKinds.Names}.", HelpName = "KIND" };
        kind.AcceptOnlyFromAmong([.. InteractionKinds.All.Select(InteractionKinds.Name)]);
        var lenient = new Option<bool>("--lenient") { Description = "Skip malformed records, report the first 20 and the total, and commit the rest." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read and check the files without opening the database; report records and errors." };
        var taxonomy = Topics.TopicOptions.Taxonomy();
        taxonomy.Description = "Extract the posts' topics with the built-in taxonomy extended by this file (docs/topics.md), so that runs with the same --taxonomy extract nothing again; repeatable.";

        var command = new Command("import", """
            Import interaction data into the database, all or nothing.
            Stops at the first malformed record with FILE:LINE and exit code 65, leaving the database unchanged,
            unless --lenient. Importing the same data twice adds nothing; the summary counts the duplicates.

            Examples:
              resonance import ../shared/data/higgs-twitter/higgs-activity_time.txt --format higgs-activity
              resonance import retweets.txt.gz --format edgelist --network higgs --kind repost
              resonance import big.jsonl --format jsonl --dry-run
              resonance import twitter-2022-11-14.zip --format twitter-archive
              resonance import tweets.jsonl --format twitter-api-v2
              resonance import export.jsonl --format jsonl --db "Host=localhost;Database=resonance;Username=me"
              resonance import tweets.jsonl --format twitter-api-v2 --taxonomy my-topics.tsv
            """)
        { paths, format, network, kind, lenient, json, dryRun, taxonomy };

        command.SetAction((parse, ct) =>
        {
            var location = GlobalOptions.Database(parse);
            return CommandRunner.RunAsync(console, location, async () =>
            {
                var reader = RecordReaders.Get(parse.GetValue(format)!);
                var kindText = parse.GetValue(kind);
                var options = new ReaderOptions(parse.GetValue(network),
                    kindText is null ? null : InteractionKinds.TryParse(kindText, out var k) ? k : null);
                if (reader.Validate(options) is { } problem)
                {
                    console.Fail(problem);
                    return ExitCodes.Usage;
                }
                if (options.Network is { } n && NetworkName.Problem(n) is { } networkProblem)
                {
                    console.Fail(networkProblem);
                    return ExitCodes.Usage;
                }
                // The taxonomy is checked before any file is read or the database opened: a bad line exits 65 (CommandRunner).
                TopicTaxonomy topics;
                try
                {
                    topics = TopicTaxonomy.Load(Topics.TopicOptions.Files(parse.GetValue(taxonomy)));
                }
                catch (ArgumentException e)
                {
                    console.Fail(e.Message);
                    return ExitCodes.Usage;
                }
                var files = parse.GetValue(paths)!;
                if (files.FirstOrDefault(f => !File.Exists(f) && !(reader is IPathRecordReader && Directory.Exists(f))) is { } missing)
                {
                    console.Fail($"cannot read {missing}: file not found.");
                    return ExitCodes.NoInput;
                }

                var skipped = new List<ReadProgress>();
                var sources = files.Select(f => FileSource(f, reader, options, skipped)).ToList();
                var importOptions = new ImportOptions(reader.Format, parse.GetValue(lenient));
                if (parse.GetValue(dryRun))
                {
                    var checkedOnly = await ImportProgressView.RunAsync(console, sources,
                        report => Task.Run(() => ImportValidator.Run(sources, importOptions, report, ct), ct)).ConfigureAwait(false);
                    ImportSummaryView.Write(console, checkedOnly, location.Display, parse.GetValue(json), dryRun: true, readerSkipped: Skipped(skipped));
                    return ExitCodes.Ok;
                }
                await using var store = await StoreAccess.OpenReadyAsync(location, ct).ConfigureAwait(false);
                var result = await ImportProgressView.RunAsync(console, sources,
                    report => new ImportService(store, topics).RunAsync(sources, importOptions, report, ct)).ConfigureAwait(false);
                ImportSummaryView.Write(console, result, location.Display, parse.GetValue(json), readerSkipped: Skipped(skipped));
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    /// <summary>Items the readers read but did not import, by reason, summed over all inputs.</summary>
    private static IReadOnlyList<KeyValuePair<string, long>> Skipped(List<ReadProgress> progresses) =>
        [.. progresses.SelectMany(p => p.Skipped).GroupBy(s => s.Key).Select(g => KeyValuePair.Create(g.Key, g.Sum(s => s.Value)))];

    /// <summary>A lazily opened file: enumerating the records opens it, and progress reads its position.</summary>
    /// <param name="skipped">Receives the progress of path readers, which also counts what they skipped.</param>
    internal static ImportSource FileSource(string path, IRecordReader reader, ReaderOptions options, List<ReadProgress>? skipped = null)
    {
        if (reader is IPathRecordReader pathReader)
        {
            var progress = new ReadProgress();
            skipped?.Add(progress);
            return new ImportSource(path, pathReader.ReadPath(path, options, progress), () => progress.BytesRead, pathReader.InputLength(path));
        }
        InputFile? open = null;
        IEnumerable<SourceRecord> Records()
        {
            using var file = InputFiles.OpenText(path);
            open = file;
            foreach (var record in reader.Read(file.Reader, path, options))
            {
                yield return record;
            }
        }
        return new ImportSource(path, Records(), () => open?.Position ?? 0, new FileInfo(path).Length);
    }
}
