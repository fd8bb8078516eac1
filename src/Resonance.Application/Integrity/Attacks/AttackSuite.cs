using Resonance.Application.Synthetic;
using Resonance.Domain;
using Resonance.Engine.Randomness;

namespace Resonance.Application.Integrity.Attacks;

/// <summary>The attack suite of issue #4: on a generated community, one attacker tries each trick with the same budget,
/// and genuine audience growth spends the same budget; each is scored under raw counting, resonance@1 and resonance@2.</summary>
/// <remarks>
/// <para>The attacker is the genuine account (in no planted class) with the median number of interactions received among
/// genuine accounts with at least 5 posts (ties to the lower id). Budget B = 1,000 actions aimed at the attacker. Each trick
/// is applied alone to the unchanged community; the tricks and their assumptions are in docs/integrity.md. Times fall in
/// the last 30 days of the window.</para>
/// <para>Complexity: seven scorings of the community for each version. Determinism: every random choice comes from
/// <see cref="SplitMix64.Derive"/> of the community's seed, and scoring is deterministic.</para>
/// </remarks>
public static class AttackSuite
{
    /// <summary>Actions each trick may spend.</summary>
    public const int Budget = 1_000;

    /// <summary>Runs every trick on the community generated from <paramref name="options"/>.</summary>
    public static AttackReport Run(SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataset = SyntheticNetworkGenerator.Generate(options);
        var interactions = new List<Interaction>();
        var posts = new List<Post>();
        foreach (var r in dataset.Records)
        {
            if (r.Interaction is { } i)
            {
                interactions.Add(i);
            }
            else if (r.Post is { } p)
            {
                posts.Add(p);
            }
        }
        var truth = dataset.Truth;
        var planted = new HashSet<string>(truth.Bots.Concat(truth.PodMembers).Concat(truth.FarmAccounts), StringComparer.Ordinal);
        var end = options.Start.AddDays(options.Days);
        var asOf = end.ToUnixTimeMilliseconds() - 1;
        var world = new AttackWorld(options, interactions, posts, planted, end.AddDays(-30));
        var attacker = world.MedianGenuine();
        var before = AttackScorer.Score(interactions, posts, attacker, asOf);
        var tricks = new (string Name, Func<string, (List<Interaction>, List<Post>)> Apply)[]
        {
            ("buy 1,000 bot followers and likes", world.BuyBots),
            ("join a 20-member engagement pod", world.JoinPod),
            ("run a follow-back farm", world.RunFarm),
            ("spam replies at the top accounts", world.SpamReplies),
            ("post 10× more", world.PostMore),
            ("human-paced bots (stealthy)", world.HumanPacedBots),
            ("genuine audience growth (same budget)", world.GrowGenuinely),
        };
        var results = new List<AttackResult>();
        foreach (var (name, apply) in tricks)
        {
            var (extra, extraPosts) = apply(attacker);
            var after = AttackScorer.Score([.. interactions, .. extra], [.. posts, .. extraPosts], attacker, asOf);
            var added = extra.Select(i => i.ActorId).Where(id => id.StartsWith("zz-", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)
                .Select(after.LogIndex).ToArray();
            var cohort = after.Model.Cohort;
            var me = after.LogIndex(attacker);
            double Likelihood(int a) => a >= 0 ? after.Model.Likelihood[a] : 0;
            results.Add(new AttackResult(name, extra.Count + extraPosts.Count, after.Raw - before.Raw, after.V1 - before.V1, after.V2 - before.V2)
            {
                AddedAccounts = added.Length,
                AddedFlagged = added.Count(a => Likelihood(a) >= InauthenticityModel.DefaultThreshold),
                AddedMeanLikelihood = added.Length > 0 ? added.Average(Likelihood) : 0,
                AttackerCohortScore = me >= 0 ? cohort.Scores[me] : 0,
                AttackerCohortLift = me >= 0 ? cohort.Lift[me] : 0,
                AttackerEngagers = me >= 0 ? cohort.Engagers[me] : 0,
                AttackerNewcomers = me >= 0 ? cohort.Cohort[me] : 0,
                CohortBaseRate = cohort.BaseRate,
                AddedInCohort = me >= 0 && cohort.Scores[me] > 0 ? added.Count(a => a >= 0 && cohort.Audienceless[a]) : 0,
            });
        }
        return new AttackReport(attacker, before.Raw, before.V1, before.V2, results);
    }
}
