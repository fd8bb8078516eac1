using Resonance.Domain;

namespace Resonance.Application.Scoring;

/// <summary>Every parameter of a scoring run. The defaults of an algorithm version are part of that version.</summary>
/// <remarks>See <c>docs/scoring.md</c> for what each parameter does and why it has its default.</remarks>
public sealed record ScoringParameters
{
    /// <summary>Which algorithm computed the scores.</summary>
    public required AlgorithmId Algorithm { get; init; }

    /// <summary>The end of the window (Unix milliseconds); interactions after it are ignored.</summary>
    public required long AsOfMs { get; init; }

    /// <summary>The window length in days before <see cref="AsOfMs"/>.</summary>
    public double WindowDays { get; init; } = 90;

    /// <summary>The half-life of the slow exponential of the time decay, in days.</summary>
    public double HalfLifeDays { get; init; } = 7;

    /// <summary>Share of the decay given to a second, fast exponential (0, the default, = a single half-life).</summary>
    public double RecentShare { get; init; }

    /// <summary>The half-life of the fast exponential, in days.</summary>
    public double RecentHalfLifeDays { get; init; } = 0.5;

    /// <summary>How the recent half-life is fitted to the window's data: null (a fixed half-life, every version before
    /// resonance@4), <see cref="TempoFit.AudienceHalfTime"/> (one τ for the run) or <see cref="TempoFit.LeaveOneOut"/>
    /// (resonance@5: τ₋A per account, see <see cref="PerAccountTempo"/>).</summary>
    public string? HalfLifeFit { get; init; }

    /// <summary>The fewest distinct engagers an account needs to enter the tempo fit.</summary>
    public int TempoMinEngagers { get; init; } = 5;

    /// <summary>The fitted recent half-life in days (the audience half-time τ), recorded by the fit; null when nothing
    /// was fitted.</summary>
    public double? FittedHalfLifeDays { get; init; }

    /// <summary>The number of accounts behind the fitted half-life; null when the version fits nothing.</summary>
    public int? TempoAccounts { get; init; }

    /// <summary>resonance@5: the rungs of <see cref="TempoLadder"/> the accounts were scored on, with how many accounts
    /// use each (and, except for the main rung, which accounts and their calibration); null for other versions.</summary>
    public TempoRungList? TempoRungs { get; init; }

    /// <summary>The weight of an interaction <paramref name="ageMs"/> old:
    /// (1 − s)·2^(−age/half-life) + s·2^(−age/recent half-life).</summary>
    public double Decay(long ageMs)
    {
        var days = ageMs / 86_400_000d;
        var slow = Math.Pow(2, -days / HalfLifeDays);
        return RecentShare == 0 ? slow : ((1 - RecentShare) * slow) + (RecentShare * Math.Pow(2, -days / RecentHalfLifeDays));
    }

    /// <summary>The network scored, or null for all networks in the store.</summary>
    public string? Network { get; init; }

    /// <summary>How an engager's standing is measured in the network-impact term: null (the engagement PageRank over the
    /// share every account gets, every version before resonance@6) or <see cref="TwoStepStanding.Name"/> (resonance@6:
    /// walks of length one into the engager that do not start at the engaged account, in exact fixed point).</summary>
    public string? ImpactStanding { get; init; }

    /// <summary>How an account's raw score is read as a 1–100 score: null (its percentile among every engaged account of
    /// its rung, every version before resonance@7) or <see cref="LeaveOneOutScores.Name"/> (resonance@7: the same
    /// percentile with everyone's raw score as it would be had the account made no outgoing interaction in the window;
    /// raw parts are then summed in exact fixed point and the bootstrap draws are keyed by account pair, see
    /// <see cref="LeaveOneOutScores"/>).</summary>
    public string? Calibration { get; init; }

    /// <summary>Weight of each interaction kind on the engagement graph, by lower-case kind name (every kind of
    /// <see cref="InteractionKinds.Weighted"/>; an unfollow has none: it only undoes a follow).</summary>
    public IReadOnlyDictionary<string, double> KindWeights { get; init; } = DefaultKindWeights;

    /// <summary>PageRank damping factor on the engagement graph.</summary>
    public double Damping { get; init; } = 0.85;

    /// <summary>PageRank convergence threshold (L1 change).</summary>
    public double PageRankTolerance { get; init; } = 1e-12;

    /// <summary>PageRank iteration cap.</summary>
    public int PageRankMaxIterations { get; init; } = 300;

    /// <summary>Pseudo-count of the amplification prior, in posts.</summary>
    public double AmplificationPriorPosts { get; init; } = 5;

    /// <summary>Prior mean of the amplification rate (amplifying actions per post). Fixed by the version rather than
    /// estimated from the population, so that nobody's activity can move everyone's prior.</summary>
    public double AmplificationPriorRate { get; init; } = 0.5;

    /// <summary>How much one unit of amplification rate adds to the raw score (in reach units).</summary>
    public double AmplificationWeight { get; init; } = 1.0;

    /// <summary>How much one unit of network impact adds to the raw score (in reach units).</summary>
    public double ImpactWeight { get; init; } = 0.1;

    /// <summary>Share of an engager's contribution removed when the engaged account engages them back (0 in resonance@1).</summary>
    public double ReciprocalDiscount { get; init; }

    /// <summary>Whether each engager's pairs count in proportion to 1 − its inauthenticity likelihood
    /// (<see cref="IntegrityWeights"/>; false in resonance@1, true in resonance@2).</summary>
    public bool IntegrityDefences { get; init; }

    /// <summary>Number of bootstrap replicates behind each interval.</summary>
    public int BootstrapReplicates { get; init; } = 32;

    /// <summary>Coverage of the interval (0.9 means the 5th to the 95th percentile of the replicates).</summary>
    public double IntervalLevel { get; init; } = 0.9;

    /// <summary>Seed of the bootstrap; with the data and the version it fixes every bit of the result.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>How the run's communities were found (method, parameters, seed), or null when the run has none (every
    /// run saved before communities existed, and <c>score --no-communities</c>). Never changes a score.</summary>
    public Communities.CommunityParameters? Communities { get; init; }

    /// <summary>How the run's topic scores were computed (method, taxonomy hash), or null when the run stores none (every
    /// run saved before topics were stored, and <c>score --no-topics</c>). Never changes a main score.</summary>
    public Topics.TopicParameters? Topics { get; init; }

    /// <summary>Number of reference quantiles stored for the 1–100 calibration.</summary>
    public int CalibrationQuantiles { get; init; } = 1001;

    /// <summary>resonance@1's kind weights: repost = quote &gt; reply &gt; mention &gt; like &gt; follow.</summary>
    public static IReadOnlyDictionary<string, double> DefaultKindWeights { get; } = new SortedDictionary<string, double>(StringComparer.Ordinal)
    {
        ["repost"] = 1.0,
        ["quote"] = 1.0,
        ["reply"] = 0.6,
        ["mention"] = 0.4,
        ["like"] = 0.2,
        ["follow"] = 0.1,
    };

    /// <summary>The start of the window, in Unix milliseconds.</summary>
    public long WindowStartMs => AsOfMs - (long)Math.Round(WindowDays * 86_400_000d);

    /// <summary>The weight of one kind.</summary>
    public double KindWeight(InteractionKind kind) =>
        KindWeights.TryGetValue(InteractionKinds.Name(kind), out var w) ? w : throw new InvalidOperationException($"No weight for kind '{InteractionKinds.Name(kind)}'.");

    /// <summary>Whether a kind counts as amplification (the engager passed the content on or answered it).</summary>
    public static bool IsAmplifying(InteractionKind kind) => kind is InteractionKind.Repost or InteractionKind.Quote or InteractionKind.Reply;

    /// <summary>Throws <see cref="ArgumentException"/> for a parameter out of range.</summary>
    public void Validate()
    {
        Check(WindowDays > 0 && double.IsFinite(WindowDays), "window must be a positive number of days");
        Check(HalfLifeDays > 0 && double.IsFinite(HalfLifeDays), "half-life must be a positive number of days");
        Check(RecentHalfLifeDays > 0 && double.IsFinite(RecentHalfLifeDays) && RecentShare is >= 0 and <= 1, "recent half-life must be positive and its share in [0, 1]");
        Check(TempoMinEngagers >= 2, "the tempo fit needs at least 2 engagers per account");
        Check(Damping is > 0 and < 1, "damping must be in (0, 1)");
        Check(AmplificationPriorPosts > 0 && AmplificationPriorRate >= 0, "amplification prior must be positive");
        Check(AmplificationWeight >= 0 && ImpactWeight >= 0, "sub-score weights must be non-negative");
        Check(ReciprocalDiscount is >= 0 and <= 1, "reciprocal discount must be in [0, 1]");
        Check(ImpactStanding is null or TwoStepStanding.Name, $"impact standing must be null (PageRank) or '{TwoStepStanding.Name}'");
        Check(Calibration is null || (Calibration == LeaveOneOutScores.Name && ImpactStanding == TwoStepStanding.Name && HalfLifeFit == TempoFit.LeaveOneOut
            && ReciprocalDiscount == 0 && !IntegrityDefences),
            $"calibration must be null or '{LeaveOneOutScores.Name}' (which needs the two-step standing, the leave-one-out tempo, no reciprocal discount and no integrity defences)");
        Check(BootstrapReplicates >= 2, "at least 2 bootstrap replicates are needed");
        Check(IntervalLevel is > 0 and < 1, "interval level must be in (0, 1)");
        Check(CalibrationQuantiles >= 2, "at least 2 calibration quantiles are needed");
        foreach (var kind in InteractionKinds.Weighted)
        {
            var w = KindWeight(kind);
            Check(w >= 0 && double.IsFinite(w), $"weight of {InteractionKinds.Name(kind)} must be a non-negative number");
        }

        static void Check(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentException($"Invalid scoring parameter: {message}.");
            }
        }
    }
}
