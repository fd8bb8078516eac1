using System.CommandLine;
using System.Globalization;
using Resonance.Application.Integrity;
using Resonance.Application.Integrity.Attacks;
using Resonance.Application.Integrity.Signals;
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
            likely authentic, with a 95% interval) and its newcomer cohort (share of its engagers that are newcomers
            no established account engages, against the network's base rate). With --attacks, run the attack suite (docs/integrity.md): on a
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
                    console.WriteJson(new { account = who.Label, audit.Likelihood, audit.Flagged, audit.Trust, audit.Signals, audit.Reasons, audit.Audience, audit.Cohort });
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
        o.WriteLine(Cohort(a.Cohort));
    }

    /// <summary>The newcomer cohort line: "newcomer cohort: 100 of 140 engagers are audience-less newcomers, 71 % (95% interval
    /// 63 %–78 %), 34.1× the base rate 2.1 % at least; score 1.00".</summary>
    private static string Cohort(AuditCohort c)
    {
        if (c.NewcomerSinceMs == long.MaxValue)
        {
            return "  newcomer cohort: not judged (the window holds too little history to tell newcomers)";
        }

        var self = c.Audienceless ? "; itself an audience-less newcomer" : c.Newcomer ? "; itself a newcomer" : "";
        if (c.Engagers == 0)
        {
            return $"  newcomer cohort: nobody engaged with it in the window{self}";
        }

        var lift = c.Newcomers >= NewcomerCohortSignal.MinCohort
            ? string.Create(CultureInfo.InvariantCulture, $"at least {c.Lift:F1}× the base rate {c.BaseRate:P1}; score {c.Score:F2}")
            : string.Create(CultureInfo.InvariantCulture, $"base rate {c.BaseRate:P1}; fewer than {NewcomerCohortSignal.MinCohort} newcomers are not judged");
        return string.Create(CultureInfo.InvariantCulture,
            $"  newcomer cohort: {c.Newcomers} of {c.Engagers} engagers are audience-less newcomers, {c.Newcomers / (double)c.Engagers:P0} (95% interval {c.Low:P0}–{c.High:P0}), {lift}{self}");
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
        o.WriteLine("trick | actions | raw counting | resonance@1 | resonance@2 | bought accounts flagged | attacker's newcomer cohort");
        foreach (var r in report.Results)
        {
            var flagged = r.AddedAccounts > 0 ? string.Create(CultureInfo.InvariantCulture, $"{r.AddedFlagged} of {r.AddedAccounts} (mean likelihood {r.AddedMeanLikelihood:0.00})") : "-";
            var cohort = string.Create(CultureInfo.InvariantCulture,
                $"{r.AttackerNewcomers} of {r.AttackerEngagers} engagers (lift {r.AttackerCohortLift:0.0}, score {r.AttackerCohortScore:0.00})");
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Trick} | {r.Actions:N0} | {r.RawGain:+0.0;-0.0;0.0} | {r.V1Gain:+0.0;-0.0;0.0} | {r.V2Gain:+0.0;-0.0;0.0} | {flagged} | {cohort}"));
        }
        return ExitCodes.Ok;
    }
}
