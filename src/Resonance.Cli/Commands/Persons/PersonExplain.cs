using Resonance.Storage;

namespace Resonance.Cli.Commands.Persons;

/// <summary><c>resonance explain PERSON</c>: each network's score, what it contributes to the combined score, and its
/// top contributions.</summary>
internal static class PersonExplain
{
    public static Task<int> RunAsync(CliConsole console, DatabaseLocation location, string person, long? run, int n, bool json, CancellationToken ct) =>
        PersonCommandRunner.RunAsync(console, location, ct, async s =>
        {
            var who = await s.Links.PersonAsync(person, ct).ConfigureAwait(false);
            var profile = await s.Scores.ProfileAsync(who, run, ct).ConfigureAwait(false);
            if (json)
            {
                console.WriteJson(PersonView.Json(profile, int.MaxValue));
                return ExitCodes.Ok;
            }

            PersonView.WriteSummary(console.Out, profile);
            PersonView.WriteContributions(console.Out, profile, n);
            return ExitCodes.Ok;
        });
}
