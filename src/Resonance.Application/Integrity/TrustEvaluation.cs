using Resonance.Engine.Graphs;
using Resonance.Engine.Trust;

namespace Resonance.Application.Integrity;

/// <summary>Options for <see cref="TrustEvaluation.Run"/>.</summary>
public sealed record TrustEvaluationOptions
{
    /// <summary>Gets the number of trusted seeds: the users with the most distinct positive raters, ties by lower id.
    /// Default 100 (1.7% of Bitcoin OTC's users, 2.6% of Alpha's).</summary>
    public int SeedCount { get; init; } = 100;

    /// <summary>Gets the power iterations; null (the default) means ⌈log₂ n⌉ as in SybilRank.</summary>
    public int? Iterations { get; init; }

    /// <summary>Gets the threads for the walks; null means all. Results do not depend on it.</summary>
    public int? DegreeOfParallelism { get; init; }
}

/// <summary>Detection on real labels: how well trust propagation ranks users that others rated negatively on net
/// below the rest, beside raw in-degree and a structure-only walk (docs/integrity.md, "Trust propagation").</summary>
/// <remarks>
/// Every user that rated or was rated is a node; ratings are edges rater → rated (self-ratings dropped). The seeds are
/// the users with the most distinct positive raters. Each walk of <see cref="Walks"/> runs <see cref="SybilRank"/>
/// with those seeds and scores users by degree-normalised trust; the two counts score them by their number of distinct
/// positive raters (endorsers) and of distinct raters (raw in-degree). Every predictor is scored by
/// <see cref="TrustLabels.Auc"/> over the users someone else rated.
/// </remarks>
public static class TrustEvaluation
{
    /// <summary>The name of the raw in-degree predictor.</summary>
    public const string InDegreeName = "raw in-degree (distinct raters)";

    /// <summary>The name of the endorser-count predictor (distinct positive raters, no walk; it also picks the seeds).</summary>
    public const string EndorsersName = "endorsers (distinct positive raters)";

    /// <summary>The walks compared, the one Resonance uses first.</summary>
    public static IReadOnlyList<TrustWalk> Walks { get; } =
    [
        TrustWalk.Endorsements,
        TrustWalk.Endorsements with { Weighted = false },
        TrustWalk.Endorsements with { Direction = TrustDirection.Undirected },
        TrustWalk.Endorsements with { Direction = TrustDirection.Undirected, Weighted = false },
        TrustWalk.StructureOnly,
        TrustWalk.StructureOnly with { Weighted = true },
        TrustWalk.StructureOnly with { Direction = TrustDirection.Undirected },
    ];

    /// <summary>Labels the users of <paramref name="ratings"/> and scores every predictor against the labels.</summary>
    /// <param name="ratings">The signed ratings.</param>
    /// <param name="options">The options; null means the defaults.</param>
    /// <param name="ct">Checked by every walk once per iteration.</param>
    /// <returns>The label counts, seeds and one AUC per predictor.</returns>
    /// <exception cref="ArgumentException">There are no ratings, or a rating is not finite.</exception>
    public static TrustEvaluationReport Run(IReadOnlyList<SignedRating> ratings, TrustEvaluationOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        options ??= new TrustEvaluationOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SeedCount, 1, $"{nameof(options)}.{nameof(options.SeedCount)}");
        if (ratings.Count == 0)
        {
            throw new ArgumentException("Trust evaluation needs at least one rating.", nameof(ratings));
        }

        var labels = TrustLabels.From(ratings);
        var seeds = labels.TopByPositiveRaters(options.SeedCount);
        var predictors = new List<TrustPredictorResult>();
        var iterations = 0;
        foreach (var walk in Walks)
        {
            var result = Walk(labels, ratings, walk, seeds, options.Iterations, options.DegreeOfParallelism, ct);
            iterations = result.Iterations;
            predictors.Add(new TrustPredictorResult(walk.Name, labels.Auc(result.Scores)));
        }

        predictors.Add(new TrustPredictorResult(EndorsersName, labels.Auc(labels.PositiveRaters.Select(r => (double)r).ToArray())));
        predictors.Add(new TrustPredictorResult(InDegreeName, labels.Auc(labels.Raters.Select(r => (double)r).ToArray())));
        var evaluated = labels.Evaluated.Count(e => e);
        var untrusted = Enumerable.Range(0, labels.Count).Count(v => labels.Evaluated[v] && labels.Untrusted[v]);
        return new TrustEvaluationReport(labels.Count, evaluated, untrusted, seeds.Select(s => labels.UserIds[s]).ToArray(), iterations, predictors);
    }

    /// <summary>Runs one trust walk from <paramref name="seeds"/> over the users of <paramref name="labels"/>.</summary>
    /// <param name="labels">The users (the graph's nodes), from <see cref="TrustLabels.From"/> on the same ratings.</param>
    /// <param name="ratings">The ratings the edges come from.</param>
    /// <param name="walk">Which edges, direction and weighting.</param>
    /// <param name="seeds">The trusted seeds, as dense node ids.</param>
    /// <param name="iterations">The power iterations; null means ⌈log₂ n⌉.</param>
    /// <param name="degreeOfParallelism">Threads; null means all. The result does not depend on it.</param>
    /// <param name="ct">Checked once per iteration.</param>
    /// <returns>The SybilRank result; its scores are indexed by dense node id.</returns>
    /// <exception cref="ArgumentException">A rating names a user that <paramref name="labels"/> does not know.</exception>
    public static SybilRankResult Walk(
        TrustLabels labels, IReadOnlyList<SignedRating> ratings, TrustWalk walk, int[] seeds,
        int? iterations = null, int? degreeOfParallelism = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(walk);
        var sources = new List<int>();
        var targets = new List<int>();
        var weights = new List<float>();
        for (var i = 0; i < ratings.Count; i++)
        {
            var r = ratings[i];
            if (r.Source == r.Target || (walk.Edges == RatingEdges.Endorsements && !(r.Rating > 0)))
            {
                continue;
            }

            var source = labels.NodeOf(r.Source);
            var target = labels.NodeOf(r.Target);
            if (source < 0 || target < 0)
            {
                throw new ArgumentException($"Rating {i} ({r.Source} → {r.Target}) names a user the labels do not know; label the same ratings.", nameof(ratings));
            }

            sources.Add(source);
            targets.Add(target);
            weights.Add((float)Math.Abs(r.Rating));
        }

        var graph = CsrGraphBuilder.Build(labels.Count, [.. sources], [.. targets], walk.Weighted ? [.. weights] : null, degreeOfParallelism);
        var options = new SybilRankOptions
        {
            Seeds = seeds,
            Iterations = iterations,
            Weighted = walk.Weighted,
            Direction = walk.Direction,
            DegreeOfParallelism = degreeOfParallelism,
        };
        return SybilRank.Run(graph, options, ct);
    }
}
