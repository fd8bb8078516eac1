using Resonance.Application.Members;
using Resonance.Application.Persons;
using Resonance.Cli.Commands.Scoring;
using Resonance.Storage;

namespace Resonance.Cli.Commands.Persons;

/// <summary>The person-level services over one open store.</summary>
internal sealed record PersonServices(PersonLinks Links, PersonScores Scores, PersonDiffs Diffs);

/// <summary>Opens the store for a person-level command, with the scoring commands' failures and exit codes: an unknown
/// member, account or run is a usage error (64), an account held by another member a data error (65).</summary>
internal static class PersonCommandRunner
{
    public static Task<int> RunAsync(CliConsole console, DatabaseLocation location, CancellationToken ct, Func<PersonServices, Task<int>> body) =>
        ScoringCommandRunner.RunAsync(console, location, ct, store =>
        {
            var links = new PersonLinks((IPersonStore)store, (IMemberStore)store, store);
            var scores = new PersonScores((IMemberStore)store, store, links);
            return body(new PersonServices(links, scores, new PersonDiffs(store, scores)));
        });

    /// <summary>Whether a command's argument names a member (email or user name) rather than <c>network:account</c>:
    /// it has no colon (user names and emails cannot hold one).</summary>
    public static bool IsPerson(string name) => !name.Contains(':', StringComparison.Ordinal);
}
