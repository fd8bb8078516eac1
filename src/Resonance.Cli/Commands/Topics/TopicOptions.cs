using System.CommandLine;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;

namespace Resonance.Cli.Commands.Topics;

/// <summary>The options topic commands share: the operator's taxonomy files.</summary>
internal static class TopicOptions
{
    public static Option<string[]> Taxonomy() => new("--taxonomy")
    {
        Description = "An operator taxonomy file extending the built-in one (docs/topics.md); repeatable.",
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The service for the built-in taxonomy extended by the files given (a missing file is a usage error, a bad
    /// one a <see cref="TaxonomyFormatException"/>: exit 65), reading the topics stored with a run when it has them.</summary>
    public static TopicService Service(IScoreStore store, string[]? files)
    {
        var taxonomy = TopicTaxonomy.Load(Existing(files));

        // A run's stored topics are read as stored unless the operator gives a taxonomy of their own (docs/topics.md).
        return new TopicService((ITopicStore)store, taxonomy, store as IRunTopicStore, files is { Length: > 0 });
    }

    /// <summary>Checks that every taxonomy file exists (a missing one is a usage error) and parses (a bad line is a
    /// <see cref="TaxonomyFormatException"/>: exit 65), before anything is written.</summary>
    public static IReadOnlyList<string> Files(string[]? files)
    {
        var existing = Existing(files);
        _ = TopicTaxonomy.Load(existing);
        return existing;
    }

    private static string[] Existing(string[]? files)
    {
        foreach (var f in files ?? [])
        {
            if (!File.Exists(f))
            {
                throw new ArgumentException($"no taxonomy file at {f}.");
            }
        }
        return files ?? [];
    }

    /// <summary>The hidden (rejected) topics of each account in <paramref name="accountIds"/>: a topic its holder hid is
    /// never shown for it (docs/topics.md, "Rejected topics").</summary>
    public static Task<IReadOnlyDictionary<long, IReadOnlySet<string>>> HiddenAsync(IScoreStore store, IReadOnlyCollection<long> accountIds, CancellationToken ct) =>
        ((ITopicPreferences)store).HiddenTopicsAsync(accountIds, ct);
}
