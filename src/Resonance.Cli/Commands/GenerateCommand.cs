using System.CommandLine;
using Resonance.Application.Synthetic;
using Resonance.Domain;
using Spectre.Console;

namespace Resonance.Cli.Commands;

/// <summary><c>resonance generate --people N --seed S --out FILE.jsonl [--truth FILE.json]</c>.</summary>
internal static class GenerateCommand
{
    public static Option<int> People { get; } = new("--people")
    {
        Description = $"How many accounts ({SyntheticOptions.MinPeople:N0}–{SyntheticOptions.MaxPeople:N0}).",
        DefaultValueFactory = _ => 2_000,
        HelpName = "N",
    };

    public static Option<ulong> Seed { get; } = new("--seed")
    {
        Description = "Random seed; the same seed and options give the same bytes.",
        DefaultValueFactory = _ => SyntheticOptions.DefaultSeed,
        HelpName = "S",
    };

    public static Option<int> Days { get; } = new("--days") { Description = "Length of the time window in days.", DefaultValueFactory = _ => 90, HelpName = "D" };

    public static Option<DateTimeOffset?> Start { get; } = new("--start") { Description = "Start of the window (ISO 8601, default 2026-01-01T00:00:00Z).", HelpName = "TIME" };

    public static Option<string> Network { get; } = new("--network") { Description = "Network name for the generated records.", DefaultValueFactory = _ => "synthetic", HelpName = "NAME" };

    public static Option<int> GeneratorVersion { get; } = new("--generator-version")
    {
        Description = $"The generator model, resonance-synthetic/N: {SyntheticOptions.CurrentVersion} (default) or 2, to reproduce a dataset made before the planted experts' loyal circles.",
        DefaultValueFactory = _ => SyntheticOptions.CurrentVersion,
        HelpName = "N",
    };

    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--out", "-o") { Description = "Where to write the dataset (canonical JSONL).", Required = true, HelpName = "FILE.jsonl" };
        var truth = new Option<string?>("--truth") { Description = "Where to write the planted ground truth (bots, pod, farm, experts, communities) as JSON.", HelpName = "FILE.json" };
        var command = new Command("generate", """
            Write a realistic, seeded synthetic community in the canonical JSONL format: communities with
            heavy-tailed sizes, heavy-tailed activity and popularity, posts with hashtags from topic vocabularies,
            follows, likes, reposts, replies, quotes and mentions over a time window; plus planted truth:
            hidden-gem topic experts with small audiences who each lead a niche (a leaf topic such as goalkeeping
            under football), bots, a 20-member engagement pod and a follow-back farm.

            Examples:
              resonance generate --people 5000 --seed 7 --out community.jsonl --truth truth.json
              resonance generate --people 1000000 --out big.jsonl && resonance import big.jsonl --format jsonl
            """)
        { People, Seed, Days, Start, Network, GeneratorVersion, output, truth };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, null, async () =>
        {
            if (Options(parse, console) is not { } options)
            {
                return ExitCodes.Usage;
            }
            var dataset = SyntheticNetworkGenerator.Generate(options);
            var outPath = parse.GetValue(output)!;
            var written = await SyntheticFileWriter.WriteAsync(console, dataset, outPath, parse.GetValue(truth), ct).ConfigureAwait(false);
            console.Out.WriteLine($"Wrote {written.Records:N0} records ({written.Bytes / 1e6:F1} MB) for {dataset.Accounts:N0} people to {outPath} in {written.Elapsed.TotalSeconds:F1} s (seed {options.Seed}).");
            if (parse.GetValue(truth) is { } truthPath)
            {
                var t = dataset.Truth;
                console.Out.WriteLine($"Ground truth in {truthPath}: {t.Bots.Count} bots, {t.PodMembers.Count} pod members, {t.FarmAccounts.Count} farm accounts, {t.TopicExperts.Count} topic experts, {t.Communities.Count} communities.");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Builds and validates generator options, or prints the problem and returns null.</summary>
    internal static SyntheticOptions? Options(ParseResult parse, CliConsole console)
    {
        var options = new SyntheticOptions
        {
            People = parse.GetValue(People),
            Seed = parse.GetValue(Seed),
            Days = parse.GetValue(Days),
            Start = parse.GetValue(Start) ?? new SyntheticOptions().Start,
            Network = parse.GetValue(Network)!,
            Version = parse.GetValue(GeneratorVersion),
        };
        try
        {
            if (NetworkName.Problem(options.Network) is { } problem)
            {
                throw new ArgumentException(problem);
            }
            options.Validate();
            return options;
        }
        catch (ArgumentOutOfRangeException e) when (OptionNamed(e.ParamName) is { } option)
        {
            // "SyntheticOptions.People must be … (Parameter 'People')\nActual value was 1." said as the option the user typed.
            var message = e.Message.Split('\n')[0].Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            console.Fail(message.Replace($"SyntheticOptions.{e.ParamName}", option.Name, StringComparison.Ordinal));
            return null;
        }
        catch (ArgumentException e)
        {
            console.Fail(e.Message);
            return null;
        }
    }

    /// <summary>The command-line option behind a <see cref="SyntheticOptions"/> property, or null for one without an option.</summary>
    private static Option? OptionNamed(string? property) => property switch
    {
        nameof(SyntheticOptions.People) => People,
        nameof(SyntheticOptions.Days) => Days,
        nameof(SyntheticOptions.Version) => GeneratorVersion,
        _ => null,
    };
}
