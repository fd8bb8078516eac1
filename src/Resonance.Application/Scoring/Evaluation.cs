using Resonance.Domain;
using Resonance.Engine.Centrality;
using Resonance.Engine.Graphs;
using Resonance.Engine.Statistics;

namespace Resonance.Application.Scoring;

/// <summary>How well one predictor, computed on the training part, ranks accounts by distinct engagers received later.</summary>
/// <param name="Name">The predictor.</param>
/// <param name="Spearman">Spearman's ρ against the outcome over accounts seen in training.</param>
/// <param name="PrecisionAtTopPercent">Share of the predictor's top 1% that is in the outcome's top 1%.</param>
public sealed record PredictorResult(string Name, double Spearman, double PrecisionAtTopPercent);

/// <summary>One split of the time window.</summary>
/// <param name="Split">Share of the time span used for training.</param>
/// <param name="CutMs">The cut (Unix ms): training is before it, the outcome at or after it.</param>
/// <param name="AccountsSeen">Accounts that acted or were acted on in training (the population ranked).</param>
/// <param name="TrainInteractions">Timed interactions before the cut.</param>
/// <param name="TestInteractions">Timed interactions at or after the cut.</param>
/// <param name="Predictors">The Resonance score first, then the baselines.</param>
public sealed record EvaluationSplit(double Split, long CutMs, int AccountsSeen, int TrainInteractions, int TestInteractions, IReadOnlyList<PredictorResult> Predictors)
{
    /// <summary>The parameters the score ran with at this split, including what was fitted on the training part
    /// (resonance@4's half-life); null only for a split built by hand.</summary>
    public ScoringParameters? ScoreParameters { get; init; }
}

/// <summary>Predictive validity of an algorithm version against naive baselines.</summary>
public sealed record EvaluationReport(AlgorithmId Algorithm, string? Network, IReadOnlyList<EvaluationSplit> Splits);

/// <summary>
/// Does the score measure influence? Scores the first part of the time window and ranks everyone against the distinct
/// engagers they receive in the rest, beside baselines: actions taken (activity, what Klout rewarded), engagements
/// received, distinct engagers, plain engagement PageRank (kind weights, no decay) and follows received (when there are follows).
/// </summary>
/// <remarks>The baselines follow <c>../shared/bench/validity_higgs.py</c> (all timed interactions, self-interactions
/// included), so its numbers can be reproduced. Untimed interactions count only for the follower baseline.</remarks>
public static class Evaluation
{
    /// <summary>The name of the score's own row.</summary>
    public const string ScoreName = "resonance score";

    /// <summary>Evaluates <paramref name="algorithm"/> on <paramref name="input"/> at each split.</summary>
    /// <param name="input">Every interaction and post of the selection.</param>
    /// <param name="algorithm">The version evaluated.</param>
    /// <param name="network">The network evaluated (for the report), or null for all.</param>
    /// <param name="splits">Shares of the time span used for training.</param>
    /// <param name="degreeOfParallelism">Threads; never changes the result.</param>
    /// <param name="parameters">Parameters to use instead of the version's defaults (their as-of is set per split),
    /// to judge a candidate setting before it becomes a version.</param>
    /// <param name="ct">Cancellation.</param>
    public static EvaluationReport Run(ScoringInput input, AlgorithmId algorithm, string? network, IReadOnlyList<double> splits,
        int? degreeOfParallelism = null, ScoringParameters? parameters = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(splits);
        // Unfollows are never engagement; the follows they undo still count here (before the cut they were follows).
        var timed = Enumerable.Range(0, input.InteractionCount)
            .Where(i => input.TimesMs[i] != ScoringInput.Untimed && input.Kinds[i] != InteractionKind.Unfollow).ToArray();
        if (timed.Length == 0)
        {
            throw new ArgumentException("evaluation needs timed interactions, and there are none in the selection.");
        }

        var min = timed.Min(i => input.TimesMs[i]);
        var max = timed.Max(i => input.TimesMs[i]);
        var result = new List<EvaluationSplit>();
        foreach (var split in splits)
        {
            if (split is not (> 0 and < 1))
            {
                throw new ArgumentException($"split {split} must be strictly between 0 and 1.");
            }

            var cut = min + (long)Math.Ceiling(split * (max - min));
            result.Add(Evaluate(input, timed, cut, split, algorithm, parameters, degreeOfParallelism, ct));
        }

        return new EvaluationReport(algorithm, network, result);
    }

    private static EvaluationSplit Evaluate(ScoringInput input, int[] timed, long cut, double split, AlgorithmId algorithm, ScoringParameters? parameters,
        int? dop, CancellationToken ct)
    {
        var train = timed.Where(i => input.TimesMs[i] < cut).ToArray();
        var test = timed.Where(i => input.TimesMs[i] >= cut).ToArray();
        var ids = timed.SelectMany(i => new[] { input.ActorIds[i], input.TargetIds[i] }).Distinct().Order().ToArray();
        int Node(long id) => Array.BinarySearch(ids, id);
        var n = ids.Length;

        var activity = new double[n];
        var received = new double[n];
        foreach (var i in train)
        {
            activity[Node(input.ActorIds[i])]++;
            received[Node(input.TargetIds[i])]++;
        }

        var distinct = DistinctEngagers(input, train, Node, n);
        var outcome = DistinctEngagers(input, test, Node, n);
        var p = parameters is null ? ScoringAlgorithms.Defaults(algorithm, cut - 1) : parameters with { AsOfMs = cut - 1 };
        var plain = PlainPageRank(input, train, Node, n, p, dop, ct);
        var (score, used) = ResonanceScores(input, train, p, Node, n, dop, ct);
        var predictors = new List<(string, double[])>
        {
            (ScoreName, score), ("activity (actions taken)", activity), ("engagements received", received),
            ("distinct engagers", distinct), ("engagement PageRank", plain),
        };
        if (Enumerable.Range(0, input.InteractionCount).Any(i => input.Kinds[i] == InteractionKind.Follow))
        {
            var followers = new double[n];
            for (var i = 0; i < input.InteractionCount; i++)
            {
                var t = input.TimesMs[i];
                if (input.Kinds[i] == InteractionKind.Follow && (t == ScoringInput.Untimed || t < cut) && Node(input.TargetIds[i]) is var v and >= 0)
                {
                    followers[v]++;
                }
            }

            predictors.Add(("followers", followers));
        }

        var seen = Enumerable.Range(0, n).Where(v => activity[v] + received[v] > 0).ToArray();
        var y = seen.Select(v => outcome[v]).ToArray();
        var rows = predictors.Select(pr =>
        {
            var x = seen.Select(v => pr.Item2[v]).ToArray();
            return new PredictorResult(pr.Item1, RankCorrelation.Spearman(x, y), TopOverlap.PrecisionAtFraction(x, y, 0.01));
        }).ToList();
        return new EvaluationSplit(split, cut, seen.Length, train.Length, test.Length, rows) { ScoreParameters = used };
    }

    private static double[] DistinctEngagers(ScoringInput input, int[] rows, Func<long, int> node, int n)
    {
        var pairs = rows.Select(i => ((long)node(input.TargetIds[i]) * n) + node(input.ActorIds[i])).Distinct();
        var counts = new double[n];
        foreach (var pair in pairs)
        {
            counts[pair / n]++;
        }

        return counts;
    }

    private static double[] PlainPageRank(ScoringInput input, int[] rows, Func<long, int> node, int n, ScoringParameters p, int? dop, CancellationToken ct)
    {
        var sources = rows.Select(i => node(input.ActorIds[i])).ToArray();
        var targets = rows.Select(i => node(input.TargetIds[i])).ToArray();
        var weights = rows.Select(i => (float)p.KindWeight(input.Kinds[i])).ToArray();
        var graph = CsrGraphBuilder.Build(n, sources, targets, weights, dop);
        return PageRank.Run(graph, new PageRankOptions { Weighted = true, Tolerance = 1e-12, MaxIterations = 300, DegreeOfParallelism = dop }, ct).Scores;
    }

    /// <summary>The score of every node from the training rows alone (posts up to the cut), and the parameters used:
    /// a tempo fit sees only those rows, never the outcome part.</summary>
    private static (double[] Scores, ScoringParameters Used) ResonanceScores(ScoringInput input, int[] rows, ScoringParameters p, Func<long, int> node, int n,
        int? dop, CancellationToken ct)
    {
        var postRows = Enumerable.Range(0, input.PostAuthorIds.Length).Where(i => input.PostTimesMs[i] <= p.AsOfMs).ToArray();
        var trainInput = new ScoringInput(
            [.. rows.Select(i => input.ActorIds[i])], [.. rows.Select(i => input.TargetIds[i])], [.. rows.Select(i => input.Kinds[i])],
            [.. rows.Select(i => input.TimesMs[i])], [.. rows.Select(i => input.Weights[i])],
            [.. postRows.Select(i => input.PostAuthorIds[i])], [.. postRows.Select(i => input.PostTimesMs[i])])
        {
            // Post texts, when loaded, are cut to the training part by the integrity model's window (created ≤ the cut).
            Texts = input.Texts,
        };
        var result = ScoringPipeline.Score(trainInput, p, dop, intervals: false, ct: ct);
        var graph = result.Graph;
        var scores = new double[n];
        Array.Fill(scores, 1.0);
        for (var v = 0; v < graph.NodeCount; v++)
        {
            scores[node(graph.AccountIds[v])] = result.Score[v];
        }

        return (scores, result.Parameters);
    }
}
