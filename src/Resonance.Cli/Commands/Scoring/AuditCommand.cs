using System.CommandLine;
using System.Globalization;
using Resonance.Application.Integrity;
using Resonance.Application.Integrity.Attacks;
using Resonance.Application.Scoring;
using Resonance.Application.Synthetic;
using Spectre.Console;

namespace Resonance.Cli.Commands.Scoring;

/// <summary><c>resonance audit ACCOUNT [--json]</c> and <c>resonance audit --attacks [--json]</c>.</summary>
internal static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var account = new Argument<string?>("account") { Description = "NETWORK:ID-OR-HANDLE of the account to audit.", Arity = ArgumentArity.ZeroOrOne };
        var attacks = new Option<bool>("--attacks") { Description = "Run the attack suite on a generated community instead (no database needed)." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("audit", """
            Audit an account's integrity over the latest 90 days of its network: every behavioural signal (rate
            bursts, follow churn, selectivity, pods, follow-back farms, near-duplicate text), its endorsement trust,
            its inauthenticity likelihood with reasons, and its audience quality (share of its engagers that are
            likely authentic, with a 95% interval). With --attacks, run the attack suite (docs/integrity.md): on a
            generated community, each trick's score gain under raw counting, resonance@1 and resonance@2.

            Examples:
              resonance audit synthetic:u1760
              resonance audit --attacks --people 2000 --seed 7 --json
            """)
        { account, attacks, json, GenerateCommand.People, GenerateCommand.Seed };
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(attacks))
            {
                return CommandRunner.RunAsync(console, null, () => Task.FromResult(Attacks(console, parse, parse.GetValue(json))));
            }
            if (parse.GetValue(account) is not { } name)
            {
                console.Fail("give an ACCOUNT to audit, or --attacks.");
                return Task.FromResult(ExitCodes.Usage);
            }
            return ScoringCommandRunner.RunAsync(console, GlobalOptions.Database(parse), ct, async store =>
            {
                var who = await ScoringCommandRunner.AccountAsync(store, name, ct).ConfigureAwait(false);
                var latest = await store.LatestInteractionTimeAsync(who.Network, ct).ConfigureAwait(false) ?? 0;
                var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 2), latest) with { Network = who.Network };
                var input = await store.LoadWindowAsync(p, ct).ConfigureAwait(false);
                var audit = AccountAudit.Run(input, p, who.Id);
                if (audit is null)
                {
                    console.Fail($"{who.Label} has no interaction in the 90 days before the latest one of {who.Network}.");
                    return ExitCodes.NoInput;
                }
                if (parse.GetValue(json))
                {
                    console.WriteJson(new { account = who.Label, audit.Likelihood, audit.Flagged, audit.Trust, audit.Signals, audit.Reasons, audit.Audience });
                    return ExitCodes.Ok;
                }
                Write(console, who.Label, audit);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static void Write(CliConsole console, string label, AccountAudit a)
    {
        var o = console.Out;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: inauthenticity likelihood {a.Likelihood:F2} ({(a.Flagged ? "likely inauthentic" : "not flagged")}; threshold {InauthenticityModel.DefaultThreshold:F2}), endorsement trust {a.Trust:G3}"));
        foreach (var s in a.Signals)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Name,-15} score {s.Score:F2}  value {s.Value:G4}  ({s.Description})"));
        }
        o.WriteLine(a.Reasons.Count == 0 ? "  reasons: none" : "  reasons: " + string.Join("; ", a.Reasons.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Signal} {r.Score:F2}"))));
        o.WriteLine(a.Audience is { } q
            ? string.Create(CultureInfo.InvariantCulture, $"  audience quality: {q.Authentic} of {q.Engagers} engagers likely authentic, {q.Share:P0} (95% interval {q.Low:P0}–{q.High:P0})")
            : "  audience quality: nobody engaged with it in the window");
    }

    private static int Attacks(CliConsole console, ParseResult parse, bool json)
    {
        var report = AttackSuite.Run(new SyntheticOptions { People = parse.GetValue(GenerateCommand.People), Seed = parse.GetValue(GenerateCommand.Seed) });
        if (json)
        {
            console.WriteJson(report);
            return ExitCodes.Ok;
        }
        var o = console.Out;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"attacker {report.Attacker}: raw {report.RawBefore:F1}, resonance@1 {report.V1Before:F1}, resonance@2 {report.V2Before:F1}; budget {AttackSuite.Budget:N0} actions"));
        o.WriteLine("trick | actions | raw counting | resonance@1 | resonance@2 | bought accounts flagged");
        foreach (var r in report.Results)
        {
            var flagged = r.AddedAccounts > 0 ? string.Create(CultureInfo.InvariantCulture, $"{r.AddedFlagged} of {r.AddedAccounts} (mean likelihood {r.AddedMeanLikelihood:0.00})") : "-";
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Trick} | {r.Actions:N0} | {r.RawGain:+0.0;-0.0;0.0} | {r.V1Gain:+0.0;-0.0;0.0} | {r.V2Gain:+0.0;-0.0;0.0} | {flagged}"));
        }
        return ExitCodes.Ok;
    }
}
