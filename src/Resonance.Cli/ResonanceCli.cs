using System.CommandLine;
using Resonance.Cli.Commands;

namespace Resonance.Cli;

/// <summary>The <c>resonance</c> command tree.</summary>
public static class ResonanceCli
{
    /// <summary>Builds the root command writing to <paramref name="console"/>.</summary>
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("""
            Resonance measures social influence honestly: the response your content gets, explained, versioned and consented.

            Start with `resonance demo`, or import real data:
              resonance import ../shared/data/higgs-twitter/higgs-activity_time.txt --format higgs-activity
              resonance stats
            """)
        {
            GlobalOptions.Db,
            DemoCommand.Create(console),
            ImportCommand.Create(console),
            GenerateCommand.Create(console),
            StatsCommand.Create(console),
            Commands.Scoring.ScoreCommand.Create(console),
            Commands.Scoring.RunsCommand.Create(console),
            Commands.Scoring.TopCommand.Create(console),
            Commands.Scoring.ExplainCommand.Create(console),
            Commands.Scoring.HistoryCommand.Create(console),
            Commands.Scoring.DiffCommand.Create(console),
            Commands.Scoring.CompareRunsCommand.Create(console),
            Commands.Scoring.EvaluateCommand.Create(console),
            Commands.Topics.TopicsCommand.Create(console),
            Commands.Communities.CommunitiesCommand.Create(console),
            Commands.Scoring.AuditCommand.Create(console),
            Commands.Persons.LinkCommand.Create(console),
            Commands.Persons.LinkCommand.CreateUnlink(console),
            Commands.Persons.PersonCommand.Create(console),
            ServeCommand.Create(console),
            DbCommand.Create(console),
            Bench.BenchCommand.Create(console),
        };
        SubcommandUsageHelpAction.Install(root);
        return root;
    }

    /// <summary>Parses and runs a command line; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken ct = default)
    {
        var parse = Build(console).Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Fail(error.Message);
            }
            console.Error.WriteLine("Run with --help for usage.");
            return ExitCodes.Usage;
        }
        var config = new InvocationConfiguration { Output = console.Json, Error = console.Error };
        return await parse.InvokeAsync(config, ct).ConfigureAwait(false);
    }
}
