using System.CommandLine;
using System.Globalization;
using Resonance.Application.Topics;
using Resonance.Cli.Commands.Scoring;
using Spectre.Console;

namespace Resonance.Cli.Commands.Topics;

/// <summary><c>resonance topics extract</c>: extracts again, and stores, the topics of every post whose stored topics came
/// from another taxonomy (or none), so that the next <c>score</c> with that taxonomy reads stored topics only.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliConsole console)
    {
        var taxonomy = TopicOptions.Taxonomy();
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var command = new Command("extract", """
            Extract the topics of every post whose stored topics came from another taxonomy than this one (the built-in
            taxonomy extended by --taxonomy files), or from none (a database from before topics were stored), and store
            them, in one transaction. Import extracts with the built-in taxonomy (or `import --taxonomy FILE`'s); `score
            --taxonomy FILE` does this itself before its topic step (docs/topics.md, "Stored extraction").

            Examples:
              resonance topics extract --taxonomy my-topics.tsv
              resonance topics extract --json
            """)
        { taxonomy, json };
        command.SetAction((parse, ct) => ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
        {
            var extractor = new TopicExtractor(TopicOptions.Service(store, parse.GetValue(taxonomy)).Taxonomy);
            var posts = (IPostTopicStore)store;
            var stale = await posts.CountStalePostTopicsAsync(PostTopicCodec.Fingerprint(extractor.Taxonomy), ct).ConfigureAwait(false);
            long extracted = 0;
            if (parse.GetValue(json) || stale == 0)
            {
                extracted = stale == 0 ? 0 : await posts.ExtractPostTopicsAsync(extractor, ct: ct).ConfigureAwait(false);
            }
            else
            {
                await console.Out.Progress().AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("extract", maxValue: 1.0);
                        extracted = await posts.ExtractPostTopicsAsync(extractor, new SyncProgress(d => task.Value = d), ct).ConfigureAwait(false);
                        task.Value = 1;
                    }).ConfigureAwait(false);
            }

            if (parse.GetValue(json))
            {
                console.WriteJson(new { extracted, taxonomy_hash = extractor.Taxonomy.Hash });
                return ExitCodes.Ok;
            }

            console.Out.WriteLine(extracted == 0
                ? "Every post's stored topics came from this taxonomy: nothing to extract."
                : $"Extracted and stored the topics of {extracted.ToString("N0", CultureInfo.InvariantCulture)} posts.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Reports on the calling thread, so the bar is up to date when the command prints.</summary>
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
