using System.CommandLine;

namespace Resonance.Cli.Commands.Persons;

/// <summary><c>resonance person PERSON</c>: a member's linked accounts and combined score.</summary>
internal static class PersonCommand
{
    public static Command Create(CliConsole console)
    {
        var person = LinkCommand.PersonArgument();
        var run = new Option<long?>("--run") { Description = "As of this run: each network's latest run up to it (default: the latest).", HelpName = "R" };
        var json = new Option<bool>("--json") { Description = "Print the profile as JSON." };
        var command = new Command("person", """
            Show a member's linked accounts, each network's score (from the latest `resonance score --network NAME` run of
            that network) and the combined score, with what each network contributes to it. See docs/scoring.md, section 9.

            Examples:
              resonance person ada@example.org
              resonance person ada --json
            """)
        { person, run, json };
        command.SetAction((parse, ct) => PersonCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async s =>
        {
            var who = await s.Links.PersonAsync(parse.GetValue(person)!, ct).ConfigureAwait(false);
            var profile = await s.Scores.ProfileAsync(who, parse.GetValue(run), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.WriteJson(PersonView.Json(profile, 0));
            }
            else
            {
                PersonView.WriteSummary(console.Out, profile);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
