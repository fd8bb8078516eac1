namespace Resonance.Application.Scoring;

/// <summary>What <c>resonance score</c> was asked to do; unset values take the algorithm's defaults.</summary>
/// <param name="Algorithm">The version to run.</param>
/// <param name="AsOfMs">End of the window (Unix ms); default: the latest interaction in the store.</param>
/// <param name="WindowDays">Window length; default: the version's.</param>
/// <param name="Network">One network, or null for all.</param>
/// <param name="Seed">Bootstrap seed; default: the version's.</param>
/// <param name="DegreeOfParallelism">Threads; null for all cores. Never changes the result.</param>
/// <param name="Communities">Whether the run finds communities (<see cref="Communities.CommunityDetection"/>, with the
/// run's seed); never changes a score.</param>
/// <param name="CommunityMethod">The community method, <c>leiden</c> or <c>infomap</c> (<see cref="Communities.CommunityParameters.ForMethod"/>);
/// null for the default, <see cref="Communities.CommunityParameters.CurrentMethod"/>.</param>
/// <param name="Topics">Whether the run scores every topic and stores the topic scores and evidence
/// (<see cref="Topics.RunTopicScoring"/>); never changes a score. Needs a store that reads posts (<see cref="Topics.ITopicStore"/>).</param>
/// <param name="TaxonomyFiles">Operator taxonomy files extending the built-in one for the topic step (docs/topics.md).</param>
public sealed record ScoreRequest(AlgorithmId Algorithm, long? AsOfMs = null, double? WindowDays = null, string? Network = null,
    ulong? Seed = null, int? DegreeOfParallelism = null, bool Communities = true, string? CommunityMethod = null, bool Topics = true,
    IReadOnlyList<string>? TaxonomyFiles = null);
