using System.CommandLine;
using Resonance.Application.Importing;
using Resonance.Application.Scoring;
using Resonance.Application.Synthetic;
using Resonance.Storage;
using Spectre.Console;

namespace Resonance.Cli.Commands;

/// <summary><c>resonance demo</c>: the main job on the embedded default, from nothing to a populated database.</summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after scoring instead of serving the app (for scripts and tests)." };
        var dir = new Option<string>("--dir") { Description = "Folder for the demo dataset, ground truth and database.", DefaultValueFactory = _ => "resonance-demo", HelpName = "DIR" };
        var command = new Command("demo", """
            Run the main job end to end on the embedded default: generate a realistic community (seeded),
            import it into a fresh SQLite database, score it (the default version, resonance@7) and explain the top account, then
            serve the app on http://127.0.0.1:5080 with demo sign-ins (a member, a marketer, an admin)
            until Ctrl+C. Files go to ./resonance-demo/ (dataset.jsonl, truth.json, resonance.db); the
            folder's previous demo files are replaced.

            Examples:
              resonance demo
              resonance demo --people 20000 --seed 42 --dir /tmp/demo --urls http://127.0.0.1:8080
              resonance demo --no-serve
            """)
        { GenerateCommand.People, GenerateCommand.Seed, GenerateCommand.Days, GenerateCommand.Start, GenerateCommand.Network, GenerateCommand.GeneratorVersion, dir, ServeCommand.Urls, noServe };
        command.SetAction((parse, ct) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(dir)!);
            var location = parse.GetValue(GlobalOptions.Db) is { } db ? DatabaseLocation.Parse(db) : DatabaseLocation.Parse(Path.Combine(folder, "resonance.db"));
            return CommandRunner.RunAsync(console, location, async () =>
            {
                if (GenerateCommand.Options(parse, console) is not { } options)
                {
                    return ExitCodes.Usage;
                }
                if (!parse.GetValue(noServe) && ServeCommand.UrlsProblem(parse.GetValue(ServeCommand.Urls)!) is { } urlsProblem)
                {
                    console.Fail(urlsProblem);
                    return ExitCodes.Usage;
                }
                Directory.CreateDirectory(folder);
                var dataPath = Path.Combine(folder, "dataset.jsonl");
                var truthPath = Path.Combine(folder, "truth.json");
                console.Out.MarkupLine($"[bold]1/4[/] Generating {options.People:N0} people (seed {options.Seed}) into {Markup.Escape(dataPath)}");
                var dataset = SyntheticNetworkGenerator.Generate(options);
                var written = await SyntheticFileWriter.WriteAsync(console, dataset, dataPath, truthPath, ct).ConfigureAwait(false);
                console.Out.WriteLine($"    {written.Records:N0} records in {written.Elapsed.TotalSeconds:F1} s; planted truth in {truthPath}");

                if (location.Provider == DatabaseLocation.Sqlite)
                {
                    foreach (var suffix in new[] { "", "-wal", "-shm" })
                    {
                        File.Delete(location.Display + suffix);
                    }
                }
                console.Out.MarkupLine($"[bold]2/4[/] Importing into {Markup.Escape(location.Display)} ({location.Provider})");
                await using var store = await StoreAccess.OpenReadyAsync(location, ct).ConfigureAwait(false);
                var reader = Ingest.RecordReaders.Get("jsonl");
                var sources = new[] { ImportCommand.FileSource(dataPath, reader, new Ingest.ReaderOptions()) };
                var result = await ImportProgressView.RunAsync(console, sources,
                    report => new ImportService(store).RunAsync(sources, new ImportOptions("jsonl"), report, ct)).ConfigureAwait(false);
                ImportSummaryView.Write(console, result, location.Display, json: false);

                StatsCommand.Write(console.Out, await store.GetStatsAsync(10, ct).ConfigureAwait(false), location.Display);

                console.Out.MarkupLine($"[bold]3/4[/] Scoring ({ScoringAlgorithms.Default}): who gets a response, and why");
                var run = await new ScoringService(store).RunAsync(new ScoreRequest(ScoringAlgorithms.Default), null, ct).ConfigureAwait(false);
                console.Out.WriteLine(Scoring.ScoreFormat.RunLine(run));
                var top = await store.TopScoresAsync(run.Id, 5, ct).ConfigureAwait(false);
                var names = await store.DescribeAccountsAsync([.. top.Select(t => t.AccountId)], ct).ConfigureAwait(false);
                foreach (var t in top)
                {
                    console.Out.WriteLine($"  {t.Rank}. {Scoring.ScoreFormat.Name(names, t.AccountId)}  {Scoring.ScoreFormat.WithInterval(t)}  (reach {t.Reach:0.#})");
                }

                if (top.Count > 0)
                {
                    console.Out.WriteLine();
                    console.Out.WriteLine("Why the top account scores what it does (resonance explain):");
                    var explanation = await new ExplainService(store).ExplainAsync(run.Id, names[top[0].AccountId], 3, ct).ConfigureAwait(false);
                    Scoring.ExplainCommand.Write(console.Out, explanation, 3);
                }

                console.Out.WriteLine();
                var first = top.Count > 0 ? Scoring.ScoreFormat.Name(names, top[0].AccountId) : "NETWORK:ACCOUNT";
                console.Out.WriteLine($"Next: resonance explain {first} --db {location.Display}   ·   resonance top --db {location.Display}   ·   resonance evaluate --db {location.Display}");
                if (parse.GetValue(noServe))
                {
                    console.Out.WriteLine($"Serve it later with: resonance serve --db {location.Display}");
                    return ExitCodes.Ok;
                }
                console.Out.WriteLine();
                console.Out.MarkupLine("[bold]4/4[/] Serving the app");
                return await ServeCommand.RunAsync(console, store, parse.GetValue(ServeCommand.Urls)!,
                    services => Server.Hosting.DemoSignIns.SeedAsync(services, ct), ct).ConfigureAwait(false);
            });
        });
        return command;
    }
}
