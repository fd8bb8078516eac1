using System.CommandLine;
using System.Globalization;
using Resonance.Application.Topics;
using Resonance.Cli.Commands.Scoring;
using Spectre.Console;

namespace Resonance.Cli.Commands.Topics;

/// <summary><c>resonance topics rejections</c>: the topics members hid from their accounts and the terms that had
/// assigned them, the feedback an operator reads to correct the taxonomy.</summary>
internal static class RejectionsCommand
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var command = new Command("rejections", """
            List the topics members hid from their accounts, most rejected first, with the matched terms behind those
            assignments and how many rejecting accounts each had matched. A term behind many rejections is an alias that
            is too broad for its topic: narrow it or move it in the taxonomy (docs/topics.md, "Rejected topics").
            Names nobody: only counts.

            Examples:
              resonance topics rejections
              resonance topics rejections --json
            """)
        { json };
        command.SetAction((parse, ct) => ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
        {
            var rejections = await ((ITopicPreferences)store).RejectionSummaryAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.WriteJson(new { rejections });
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("topic", "accounts", "matched by (accounts)");
            foreach (var r in rejections)
            {
                table.AddRow(Markup.Escape(r.Topic), r.Accounts.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", r.Terms.Take(6).Select(t => $"{t.Term} ({t.Accounts.ToString(CultureInfo.InvariantCulture)})"))));
            }

            console.Out.Write(table);
            console.Out.WriteLine($"{rejections.Count} rejected {(rejections.Count == 1 ? "topic" : "topics")}.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
