namespace Resonance.Application.Topics;

/// <summary>How a run's topics were computed: the topic step's method and the taxonomy it read, recorded in the run's
/// parameters so that a run's topic scores are read from the run, never recomputed from later data.</summary>
/// <remarks>The topic step is versioned on its own (<see cref="Method"/>), beside the scoring version, as the community
/// step is: it never changes a main score. Runs saved before topics were stored, and <c>score --no-topics</c>, have none
/// (null in <see cref="Scoring.ScoringParameters.Topics"/>).</remarks>
public sealed record TopicParameters
{
    /// <summary>One topic-filtered engagement graph per topic, scored like the main score (<see cref="TopicScoring"/>);
    /// the method of runs with integrity defences (resonance@2), and of every run before <see cref="ShareMethod"/>.</summary>
    public const string FilteredMethod = "topic-filtered@1";

    /// <summary>Each engager's contribution in the main run split by its share on the topic (<see cref="TopicShareScoring"/>),
    /// with each pair's bootstrap multiplicity drawn by pair index from the replicate's stream, as resonance@1–@6 draw theirs.</summary>
    public const string ShareMethod = "topic-share@1";

    /// <summary><see cref="ShareMethod"/> with each pair's bootstrap multiplicity keyed by its account pair, as resonance@7
    /// draws its own (<see cref="Scoring.LeaveOneOutScores.Multiplicity"/>): the method of resonance@7 runs, whose main
    /// replicates it then reuses pair for pair.</summary>
    public const string PairKeyedShareMethod = "topic-share@2";

    /// <summary>Whether <paramref name="method"/> derives topic scores from the main run (<see cref="ShareMethod"/> or
    /// <see cref="PairKeyedShareMethod"/>).</summary>
    public static bool IsShare(string method) => method is ShareMethod or PairKeyedShareMethod;

    /// <summary>The topic method a run under <paramref name="p"/> records now: <see cref="FilteredMethod"/> with integrity
    /// defences (resonance@2), <see cref="PairKeyedShareMethod"/> under the leave-one-out calibration (resonance@7, whose
    /// bootstrap draws are keyed by account pair), <see cref="ShareMethod"/> otherwise.</summary>
    public static string MethodFor(Scoring.ScoringParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.IntegrityDefences ? FilteredMethod : p.Calibration == Scoring.LeaveOneOutScores.Name ? PairKeyedShareMethod : ShareMethod;
    }

    /// <summary>The current method for runs of resonance@1–@6 (docs/topics.md); <see cref="MethodFor"/> picks by version.</summary>
    public const string CurrentMethod = ShareMethod;

    /// <summary>The method and its version (<see cref="FilteredMethod"/> for a run recorded before the field could differ).</summary>
    public string Method { get; init; } = FilteredMethod;

    /// <summary>SHA-256 (hex) of the taxonomy as loaded (<see cref="TopicTaxonomy.Hash"/>): which topics, parents and aliases.</summary>
    public required string TaxonomyHash { get; init; }

    /// <summary>Topics in the taxonomy.</summary>
    public int TaxonomyTopics { get; init; }

    /// <summary>The operator's taxonomy files that extended the built-in one, as given (file names only, for the record).</summary>
    public IReadOnlyList<string> TaxonomyFiles { get; init; } = [];

    /// <summary>Equal when every field is, the files compared in order.</summary>
    public bool Equals(TopicParameters? other) => other is not null && Method == other.Method && TaxonomyHash == other.TaxonomyHash
        && TaxonomyTopics == other.TaxonomyTopics && TaxonomyFiles.SequenceEqual(other.TaxonomyFiles, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Method, TaxonomyHash, TaxonomyTopics, TaxonomyFiles.Count);

    /// <summary>The parameters for <paramref name="taxonomy"/>, loaded from the built-in file and <paramref name="files"/>.</summary>
    /// <param name="taxonomy">The taxonomy.</param>
    /// <param name="files">The operator's taxonomy files.</param>
    /// <param name="method">The method; null for <see cref="CurrentMethod"/>.</param>
    public static TopicParameters For(TopicTaxonomy taxonomy, IReadOnlyList<string>? files = null, string? method = null)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        return new TopicParameters
        {
            Method = method ?? CurrentMethod, TaxonomyHash = taxonomy.Hash, TaxonomyTopics = taxonomy.Topics.Count, TaxonomyFiles = files ?? [],
        };
    }
}
