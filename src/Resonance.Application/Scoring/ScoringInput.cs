using Resonance.Domain;

namespace Resonance.Application.Scoring;

/// <summary>The interactions and posts a run scores, as parallel arrays (one entry per interaction or post).</summary>
/// <remarks>
/// Account ids are the store's ids. Times are Unix milliseconds (UTC); <see cref="Untimed"/> marks an interaction
/// without a time (for example a follow from an edge list), which is treated as current. Order does not matter:
/// the engagement graph sorts everything, so the same set of rows gives the same scores in any order.
/// </remarks>
public sealed class ScoringInput
{
    /// <summary>The time stored for interactions that have none.</summary>
    public const long Untimed = long.MinValue;

    /// <summary>Creates an input; all interaction arrays must have one length and both post arrays another.</summary>
    public ScoringInput(long[] actorIds, long[] targetIds, InteractionKind[] kinds, long[] timesMs, double[] weights, long[] postAuthorIds, long[] postTimesMs)
    {
        ArgumentNullException.ThrowIfNull(actorIds);
        var n = actorIds.Length;
        if (targetIds.Length != n || kinds.Length != n || timesMs.Length != n || weights.Length != n)
        {
            throw new ArgumentException("Interaction arrays must all have the same length.");
        }

        if (postAuthorIds.Length != postTimesMs.Length)
        {
            throw new ArgumentException("Post arrays must have the same length.");
        }

        ActorIds = actorIds;
        TargetIds = targetIds;
        Kinds = kinds;
        TimesMs = timesMs;
        Weights = weights;
        PostAuthorIds = postAuthorIds;
        PostTimesMs = postTimesMs;
    }

    /// <summary>Who acted.</summary>
    public long[] ActorIds { get; }

    /// <summary>Whose content or person was acted on; influence flows to them.</summary>
    public long[] TargetIds { get; }

    /// <summary>What was done.</summary>
    public InteractionKind[] Kinds { get; }

    /// <summary>When, in Unix milliseconds, or <see cref="Untimed"/>.</summary>
    public long[] TimesMs { get; }

    /// <summary>The interaction's own weight (1 unless the source gives one).</summary>
    public double[] Weights { get; }

    /// <summary>Authors of the posts in the window.</summary>
    public long[] PostAuthorIds { get; }

    /// <summary>Creation times of those posts, in Unix milliseconds.</summary>
    public long[] PostTimesMs { get; }

    /// <summary>The window's posts with originality and text, for the integrity model (near-duplicate text); null when
    /// not loaded (versions without integrity defences), and then every post counts as an original without text.</summary>
    public PostTexts? Texts { get; init; }

    /// <summary>The post each interaction was on, by external id; null when not loaded (only a run's topic step reads it).</summary>
    public InteractionPostKeys? PostKeys { get; init; }

    /// <summary>Number of interactions.</summary>
    public int InteractionCount => ActorIds.Length;

    /// <summary>The same rows with <paramref name="texts"/> attached (the arrays are shared, not copied).</summary>
    public ScoringInput WithTexts(PostTexts? texts) =>
        new(ActorIds, TargetIds, Kinds, TimesMs, Weights, PostAuthorIds, PostTimesMs) { Texts = texts, PostKeys = PostKeys };

    /// <summary>The same data without any interaction whose actor is in <paramref name="actors"/> (their outgoing
    /// interactions); posts and texts are kept, post keys are not.</summary>
    public ScoringInput WithoutActors(IReadOnlySet<long> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var rows = Enumerable.Range(0, InteractionCount).Where(i => !actors.Contains(ActorIds[i])).ToArray();
        return new ScoringInput([.. rows.Select(i => ActorIds[i])], [.. rows.Select(i => TargetIds[i])], [.. rows.Select(i => Kinds[i])],
            [.. rows.Select(i => TimesMs[i])], [.. rows.Select(i => Weights[i])], PostAuthorIds, PostTimesMs) { Texts = Texts };
    }

    /// <summary>The latest interaction time, or null when there is none with a time.</summary>
    public long? LatestTimeMs
    {
        get
        {
            long? latest = null;
            foreach (var t in TimesMs)
            {
                if (t != Untimed && (latest is null || t > latest))
                {
                    latest = t;
                }
            }

            return latest;
        }
    }
}
