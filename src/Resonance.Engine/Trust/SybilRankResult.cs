namespace Resonance.Engine.Trust;

/// <summary>The outcome of <see cref="SybilRank.Run"/>.</summary>
/// <param name="Scores">The degree-normalised trust per node, the value to rank by: <see cref="Trust"/> divided by the
/// (weighted) degree, or by the in-weight for <see cref="TrustDirection.Forward"/>; 0 where that is 0. The array
/// belongs to the caller.</param>
/// <param name="Trust">The propagated trust per node before normalisation. Non-negative; it sums to
/// <see cref="SybilRankOptions.TotalTrust"/> (up to rounding) when <paramref name="ActiveSeeds"/> is positive, else to 0.</param>
/// <param name="Iterations">The number of power iterations performed.</param>
/// <param name="ActiveSeeds">The seeds that received a share of the trust: those with positive (weighted) degree.
/// A seed without an edge could pass trust to nobody, so it gets none; when no seed has an edge every score is 0.</param>
/// <param name="Options">The options the run used.</param>
public sealed record SybilRankResult(double[] Scores, double[] Trust, int Iterations, int ActiveSeeds, SybilRankOptions Options);
