using System.CommandLine;
using Spectre.Console;

namespace Resonance.Cli.Commands.Persons;

/// <summary><c>resonance link PERSON ACCOUNT</c> and <c>resonance unlink PERSON ACCOUNT</c>: the operator's way to join
/// a member's accounts on several networks into one person.</summary>
internal static class LinkCommand
{
    public static Command Create(CliConsole console)
    {
        var (person, account, json) = Arguments();
        var command = new Command("link", """
            Link a network account to a member as a verified claim (proof: admin approval), so that the account's score
            counts in the member's combined score. Another member's account must be unlinked from them first.

            Example:
              resonance link ada@example.org twitter:@ada
            """)
        { person, account, json };
        command.SetAction((parse, ct) => PersonCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async s =>
        {
            var (who, claim, already) = await s.Links.LinkAsync(parse.GetValue(person)!, parse.GetValue(account)!, ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.WriteJson(new { Person = who.UserName, Account = claim.Account.Label, Claim = claim.Id, claim.Status, claim.Proof, AlreadyLinked = already });
                return ExitCodes.Ok;
            }

            console.Out.WriteLine(already
                ? $"{claim.Account.Label} was already linked to {who.Label}."
                : $"Linked {claim.Account.Label} to {who.Label} (claim {claim.Id}, verified by admin approval).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command CreateUnlink(CliConsole console)
    {
        var (person, account, json) = Arguments();
        var command = new Command("unlink", """
            Remove a member's claim on a network account: its score no longer counts in their combined score, and nothing
            else changes.

            Example:
              resonance unlink ada@example.org twitter:@ada
            """)
        { person, account, json };
        command.SetAction((parse, ct) => PersonCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async s =>
        {
            var (who, what) = await s.Links.UnlinkAsync(parse.GetValue(person)!, parse.GetValue(account)!, ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.WriteJson(new { Person = who.UserName, Account = what.Label, Unlinked = true });
                return ExitCodes.Ok;
            }

            console.Out.WriteLine($"Unlinked {what.Label} from {who.Label}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The PERSON argument of the person-level commands.</summary>
    public static Argument<string> PersonArgument() => new("person") { Description = "The member's email or user name." };

    private static (Argument<string> Person, Argument<string> Account, Option<bool> Json) Arguments() =>
        (PersonArgument(), new Argument<string>("account") { Description = "NETWORK:ID-OR-HANDLE." },
         new Option<bool>("--json") { Description = "Print the result as JSON." });
}
