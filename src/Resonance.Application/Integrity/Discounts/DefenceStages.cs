using Resonance.Application.Scoring;

namespace Resonance.Application.Integrity.Discounts;

/// <summary>The resonance@2 defences replayed one at a time on a run's input, so that an account's score can show what
/// each defence took away: no defence (stage 0), follow-backs dropped (1), every engager weighted by 1 − L′ (2), pod
/// members' reciprocal engagement weighted by 1 − pod (3), audience-less newcomers' engagement with an account whose
/// audience is an anomalous newcomer cohort weighted by 1 − its cohort score (4, the defended run itself).</summary>
/// <remarks>
/// <para>Every stage is scored with the defended run's <em>standing</em> held fixed: the engagers' PageRank x, the share b
/// every account gets whatever its links, and each account's amplification denominator. Each stage then changes only the
/// pair terms (<see cref="RawScores"/>'s formula): reach and amplification scale with the pair's weight; impact moves with
/// the pair's share of its engager's out-weight, which is why a discount that cuts all of an engager's pairs alike leaves
/// its impact where it was. Stage 4 reproduces the defended run's pair terms and raw scores bit for bit, which
/// <see cref="From"/> checks; stage 0 is what the account would have had with no pair discounted and the same standing.
/// What remains between stage 0 and the plain (resonance@1) run is the defences' effect elsewhere in the network: the
/// engagers' standing and the denominators moved.</para>
/// <para>Nothing is stored: the defences are deterministic, so they are recomputed from the run's input.</para>
/// <para>Complexity: one plain and one follow-back-free graph build (O(m log m)) and O(n + m log m) per stage for the
/// reciprocal look-ups, on top of the defended run's own graph and scoring. Determinism: every sum runs in pair order,
/// as in the run itself.</para>
/// </remarks>
public sealed class DefenceStages
{
    private readonly ScoringParameters p;
    private readonly long[] filteredKeys;
    private readonly bool[] reciprocal;
    private readonly double[] pairWeight;
    private readonly int[] logIndex;
    private readonly Dictionary<(long, long), int> followBacks;
    private readonly Terms[] stages;
    private readonly double[] denominators;
    private readonly Lazy<(int[] Start, int[] Order)> plainByTarget;
    private readonly Lazy<(int[] Start, int[] Order)> filteredByTarget;

    /// <summary>Stages: none, follow-backs, inauthentic engagers, pod reciprocity, newcomer cohorts.</summary>
    private const int Stages = 5;

    private DefenceStages(ScoringInput input, ScoreComputation defended)
    {
        Defended = defended;
        p = defended.Parameters;
        var g2 = defended.Graph;
        var plainParameters = p with { IntegrityDefences = false };
        Plain = EngagementGraph.Build(input, plainParameters);

        var kept = UndoneFollows.Split(input, EngagementGraph.Kept(input, p)).Standing;
        var remaining = new bool[input.InteractionCount];
        Array.Fill(remaining, true);
        var survivors = new HashSet<int>(IntegrityWeights.WithoutFollowBacks(input, kept));
        followBacks = [];
        foreach (var i in kept.Where(i => !survivors.Contains(i)))
        {
            remaining[i] = false;
            var key = (input.ActorIds[i], input.TargetIds[i]);
            followBacks[key] = followBacks.GetValueOrDefault(key) + 1;
        }

        Filtered = EngagementGraph.Build(Subset(input, remaining), plainParameters);
        Require(Filtered.AccountIds.AsSpan().SequenceEqual(g2.AccountIds), "the accounts without follow-backs differ from the run's");

        var n = (long)g2.NodeCount;
        var model = Model;
        var pod = model.Signals.Single(r => r.Name == "pod").Scores;
        logIndex = [.. g2.AccountIds.Select(id => Array.BinarySearch(model.Log.AccountIds, IntegrityWeights.Id(id), StringComparer.Ordinal))];
        EngagerWeights = g2.EngagerWeights!;
        PodScores = [.. logIndex.Select(a => pod[a])];
        Audienceless = [.. logIndex.Select(a => model.Cohort.Audienceless[a])];
        CohortScores = [.. logIndex.Select(a => model.Cohort.Scores[a])];
        filteredKeys = Keys(Filtered.Sources, Filtered.Targets, n);
        var m = Filtered.PairCount;
        reciprocal = new bool[m];
        pairWeight = new double[m];
        var podWeight = new double[m];
        for (var e = 0; e < m; e++)
        {
            var u = Filtered.Sources[e];
            reciprocal[e] = Array.BinarySearch(filteredKeys, (Filtered.Targets[e] * n) + u) >= 0;
            var podScore = reciprocal[e] ? PodScores[u] : 0;
            podWeight[e] = IntegrityWeights.PairWeight(EngagerWeights[u], podScore, 0);
            pairWeight[e] = IntegrityWeights.PairWeight(EngagerWeights[u], podScore, Audienceless[u] ? CohortScores[Filtered.Targets[e]] : 0);
        }

        CheckDefendedPairs();

        // The defended run's standing, exactly as RawScores computes it.
        var x = defended.PageRank;
        var outWeight = new double[g2.NodeCount];
        var received = new double[g2.NodeCount];
        for (var e = 0; e < g2.PairCount; e++)
        {
            outWeight[g2.Sources[e]] += (float)g2.EdgeWeights[e];
            received[g2.Targets[e]] += g2.EngagementCounts[e];
        }

        var dangling = 0.0;
        for (var v = 0; v < g2.NodeCount; v++)
        {
            dangling += outWeight[v] > 0 ? 0 : x[v];
        }

        Baseline = ((1 - p.Damping) + (p.Damping * dangling)) / g2.NodeCount;
        denominators = new double[g2.NodeCount];
        for (var v = 0; v < g2.NodeCount; v++)
        {
            denominators[v] = (g2.PostCounts[v] > 0 ? g2.PostCounts[v] : received[v]) + p.AmplificationPriorPosts;
        }

        // Accounts of the plain graph mapped to the defended one; an account only follow-backs brought in is engaged by
        // nobody there, so its standing is the baseline b (x/b = 1) and its denominator its posts plus the prior.
        var toDefended = Plain.AccountIds.Select(id => Array.BinarySearch(g2.AccountIds, id)).ToArray();
        var plainX = toDefended.Select(v => v >= 0 ? x[v] : Baseline).ToArray();
        var plainDenominators = toDefended.Select((v, k) => v >= 0 ? denominators[v] : Plain.PostCounts[k] + p.AmplificationPriorPosts).ToArray();
        var plainKeys = Keys(Plain.Sources, Plain.Targets, Plain.NodeCount);
        var plainReciprocal = Enumerable.Range(0, Plain.PairCount)
            .Select(e => Array.BinarySearch(plainKeys, ((long)Plain.Targets[e] * Plain.NodeCount) + Plain.Sources[e]) >= 0).ToArray();
        var engagerOnly = Enumerable.Range(0, m).Select(e => EngagerWeights[Filtered.Sources[e]]).ToArray();
        stages =
        [
            Score(Plain.Sources, Plain.Targets, Plain.EdgeWeights, Plain.ReachTerms, Plain.AmplifyingCounts, plainKeys, plainReciprocal, plainX, plainDenominators),
            Stage(null),
            Stage(engagerOnly),
            Stage(podWeight),
            Stage(pairWeight),
        ];
        CheckDefendedTerms();
        plainByTarget = new(() => ByTarget(Plain));
        filteredByTarget = new(() => ByTarget(Filtered));

        Terms Stage(double[]? factor) => Score(Filtered.Sources, Filtered.Targets, Scaled(Filtered.EdgeWeights, factor), Scaled(Filtered.ReachTerms, factor),
            Scaled(Filtered.AmplifyingCounts, factor), filteredKeys, reciprocal, x, denominators);
    }

    /// <summary>The defended run (computed without intervals).</summary>
    public ScoreComputation Defended { get; }

    /// <summary>The engagement graph without any defence (what resonance@1 scores).</summary>
    public EngagementGraph Plain { get; }

    /// <summary>The graph without follow-backs and without discounts; its nodes are the defended graph's.</summary>
    public EngagementGraph Filtered { get; }

    /// <summary>The inauthenticity model behind the discounts.</summary>
    public InauthenticityModel Model => Defended.Graph.Integrity!;

    /// <summary>Per node of the defended graph: 1 − L′, the weight of its engagement.</summary>
    public double[] EngagerWeights { get; }

    /// <summary>Per node of the defended graph: its pod score (its reciprocal pairs count 1 − this).</summary>
    public double[] PodScores { get; }

    /// <summary>Per node of the defended graph: whether it is an audience-less newcomer (its engagement of an account with an
    /// anomalous newcomer cohort counts 1 − that account's cohort score).</summary>
    public bool[] Audienceless { get; }

    /// <summary>Per node of the defended graph: its audience's newcomer cohort score (<see cref="Signals.NewcomerCohortSignal"/>).</summary>
    public double[] CohortScores { get; }

    /// <summary>b, the defended run's share every account gets whatever its links.</summary>
    public double Baseline { get; }

    /// <summary>Scores <paramref name="input"/> with <paramref name="p"/> (a version with integrity defences, no intervals)
    /// and replays its defences.</summary>
    public static DefenceStages Compute(ScoringInput input, ScoringParameters p, int? degreeOfParallelism = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(p);
        if (!p.IntegrityDefences)
        {
            throw new ArgumentException($"{p.Algorithm} has no integrity defences, so nothing was discounted.");
        }

        var graph = EngagementGraph.Build(input, p);
        return new DefenceStages(input, ResonanceScorer.Score(graph, p, degreeOfParallelism, intervals: false, ct: ct));
    }

    /// <summary>Replays the defences of an existing computation of <paramref name="input"/> by a version with defences.</summary>
    /// <exception cref="InvalidOperationException">The replay does not reproduce the computation bit for bit.</exception>
    public static DefenceStages From(ScoringInput input, ScoreComputation defended)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(defended);
        if (!defended.Parameters.IntegrityDefences || defended.Graph.Integrity is null)
        {
            throw new ArgumentException($"{defended.Parameters.Algorithm} has no integrity defences, so nothing was discounted.");
        }

        return new DefenceStages(input, defended);
    }

    /// <summary>Every discount applied to <paramref name="accountId"/>'s raw score, engager by engager.</summary>
    public DiscountLedger For(long accountId)
    {
        var v0 = Array.BinarySearch(Plain.AccountIds, accountId);
        var v = Array.BinarySearch(Filtered.AccountIds, accountId);
        var rows = new SortedDictionary<long, double[]>();
        var raw = new double[Stages];
        var engaged = new bool[Stages];
        if (v0 >= 0)
        {
            Collect(0, Plain, v0);
        }

        if (v >= 0)
        {
            for (var s = 1; s < Stages; s++)
            {
                Collect(s, Filtered, v);
            }
        }

        var prior = p.AmplificationPriorPosts * p.AmplificationPriorRate;
        var baseTerms = new double[Stages];
        for (var s = 0; s < Stages; s++)
        {
            if (engaged[s])
            {
                var denominator = v >= 0 ? denominators[v] : Plain.PostCounts[v0] + p.AmplificationPriorPosts;
                baseTerms[s] = p.AmplificationWeight * prior / denominator;
                raw[s] += baseTerms[s];
            }
        }

        if (v >= 0)
        {
            Require(raw[^1].Equals(Defended.Raw[v]), $"account {accountId}'s raw score replays as {raw[^1]:R}, not the run's {Defended.Raw[v]:R}");
        }

        var engagers = rows.Select(kv => Engager(kv.Key, kv.Value, accountId)).ToArray();
        var defences = DefenceKinds.All.Select(kind =>
        {
            var step = (int)kind;
            var hit = engagers.Where(e => e.Hit(kind)).ToArray();
            var amount = engagers.Sum(e => e.Steps[step]) + (baseTerms[step + 1] - baseTerms[step]);
            return new DefenceDiscount(kind, amount, hit.Sum(e => e.Steps[step]), hit.Length);
        }).ToArray();
        return new DiscountLedger(accountId, raw[0], raw[^1], baseTerms[0], baseTerms[^1], defences, engagers);

        void Collect(int s, EngagementGraph g, int target)
        {
            var t = stages[s];
            var (start, order) = s == 0 ? plainByTarget.Value : filteredByTarget.Value;
            for (var k = start[target]; k < start[target + 1]; k++)
            {
                var e = order[k];
                var contribution = t.Reach[e] + t.Amplification[e] + t.Impact[e];
                raw[s] += contribution;
                engaged[s] |= t.ReachTerms[e] > 0;
                var engager = g.AccountIds[g.Sources[e]];
                if (!rows.TryGetValue(engager, out var row))
                {
                    rows[engager] = row = new double[Stages];
                }

                row[s] = contribution;
            }
        }
    }

    /// <summary>Stage <paramref name="stage"/>'s pair terms (reach, amplification, impact) for the pairs of
    /// <see cref="Plain"/> (stage 0) or <see cref="Filtered"/> (stages 1–4).</summary>
    public (double[] Reach, double[] Amplification, double[] Impact) PairTerms(int stage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stage, Stages - 1);
        return (stages[stage].Reach, stages[stage].Amplification, stages[stage].Impact);
    }

    private EngagerDiscount Engager(long engagerId, double[] c, long targetId)
    {
        var u = Array.BinarySearch(Filtered.AccountIds, engagerId);
        var v = Array.BinarySearch(Filtered.AccountIds, targetId);
        var e = u >= 0 && v >= 0 ? Array.BinarySearch(filteredKeys, (u * (long)Filtered.NodeCount) + v) : -1;
        var podApplied = e >= 0 && reciprocal[e] && PodScores[u] > 0;
        var cohortApplied = e >= 0 && Audienceless[u] && CohortScores[v] > 0;
        return new EngagerDiscount(engagerId, c[0], c[^1], [.. Enumerable.Range(1, Stages - 1).Select(s => c[s] - c[s - 1])], followBacks.GetValueOrDefault((engagerId, targetId)),
            u >= 0 ? EngagerWeights[u] : 1, podApplied ? PodScores[u] : 0, u >= 0 ? Model.Reasons(logIndex[u]) : [])
        {
            CohortScore = cohortApplied ? CohortScores[v] : 0,
        };
    }

    private Terms Score(int[] sources, int[] targets, double[] edgeWeights, double[] reachTerms, double[] amplifying, long[] keys, bool[] reciprocalPairs,
        double[] x, double[] denominator)
    {
        var m = sources.Length;
        var n = (long)x.Length;
        var weights = new float[m];
        var outWeight = new double[n];
        for (var e = 0; e < m; e++)
        {
            weights[e] = (float)edgeWeights[e];
            outWeight[sources[e]] += weights[e];
        }

        var d = p.Damping;
        var reach = new double[m];
        var amplification = new double[m];
        var impact = new double[m];
        for (var e = 0; e < m; e++)
        {
            int u = sources[e], v = targets[e];
            var share = outWeight[u] > 0 ? weights[e] / outWeight[u] : 0;
            var back = Array.BinarySearch(keys, (v * n) + u);
            var returned = back >= 0 && outWeight[v] > 0 ? d * x[v] * (weights[back] / outWeight[v]) : 0;
            var flow = d * Math.Max(0, (x[u] - returned) / Baseline) * share;
            var keep = reciprocalPairs[e] ? 1 - p.ReciprocalDiscount : 1;
            reach[e] = keep * reachTerms[e];
            amplification[e] = keep * p.AmplificationWeight * amplifying[e] / denominator[v];
            impact[e] = keep * p.ImpactWeight * flow;
        }

        return new Terms(reachTerms, reach, amplification, impact);
    }

    /// <summary>The defended graph's pairs are exactly the follow-back-free pairs of positive weight, each scaled by its
    /// pair weight, as <see cref="EngagementGraph.Build"/> computes them.</summary>
    private void CheckDefendedPairs()
    {
        var g2 = Defended.Graph;
        var k = 0;
        for (var e = 0; e < Filtered.PairCount; e++)
        {
            var w = pairWeight[e];
            if (w <= 0)
            {
                continue;
            }

            Require(k < g2.PairCount && g2.Sources[k] == Filtered.Sources[e] && g2.Targets[k] == Filtered.Targets[e]
                && g2.EdgeWeights[k].Equals(Filtered.EdgeWeights[e] * w) && g2.ReachTerms[k].Equals(Filtered.ReachTerms[e] * w)
                && g2.AmplifyingCounts[k].Equals(Filtered.AmplifyingCounts[e] * w) && g2.EngagementCounts[k].Equals(Filtered.EngagementCounts[e] * w),
                $"pair {k} of the run differs from its replay");
            k++;
        }

        Require(k == g2.PairCount, "the run has pairs its replay does not");
    }

    /// <summary>The last stage reproduces every pair term of the defended run.</summary>
    private void CheckDefendedTerms()
    {
        var last = stages[^1];
        var k = 0;
        for (var e = 0; e < Filtered.PairCount; e++)
        {
            if (pairWeight[e] > 0)
            {
                Require(last.Reach[e].Equals(Defended.ReachContribution[k]) && last.Amplification[e].Equals(Defended.AmplificationContribution[k])
                    && last.Impact[e].Equals(Defended.ImpactContribution[k]), $"pair {k}'s terms replay differently");
                k++;
            }
        }
    }

    /// <summary>The pairs grouped by target, in pair order within each target (a counting sort).</summary>
    private static (int[] Start, int[] Order) ByTarget(EngagementGraph g)
    {
        var start = new int[g.NodeCount + 1];
        foreach (var v in g.Targets)
        {
            start[v + 1]++;
        }

        for (var v = 0; v < g.NodeCount; v++)
        {
            start[v + 1] += start[v];
        }

        var next = start[..^1];
        var order = new int[g.PairCount];
        for (var e = 0; e < g.PairCount; e++)
        {
            order[next[g.Targets[e]]++] = e;
        }

        return (start, order);
    }

    private static double[] Scaled(double[] values, double[]? factor) =>
        factor is null ? values : [.. values.Select((value, e) => value * factor[e])];

    private static long[] Keys(int[] sources, int[] targets, long n) =>
        [.. Enumerable.Range(0, sources.Length).Select(e => (sources[e] * n) + targets[e])];

    private static ScoringInput Subset(ScoringInput input, bool[] rows)
    {
        var keep = Enumerable.Range(0, input.InteractionCount).Where(i => rows[i]).ToArray();
        return new ScoringInput([.. keep.Select(i => input.ActorIds[i])], [.. keep.Select(i => input.TargetIds[i])], [.. keep.Select(i => input.Kinds[i])],
            [.. keep.Select(i => input.TimesMs[i])], [.. keep.Select(i => input.Weights[i])], input.PostAuthorIds, input.PostTimesMs);
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"replaying the resonance@2 defences does not reproduce the run: {what}.");
        }
    }

    /// <summary>One stage's pair terms; <see cref="ReachTerms"/> are the pair's reach terms before the reciprocal keep factor.</summary>
    private sealed record Terms(double[] ReachTerms, double[] Reach, double[] Amplification, double[] Impact);
}
