namespace Resonance.Application.Integrity;

/// <summary>One explicit trust statement: <paramref name="Source"/> rated <paramref name="Target"/> with a signed
/// <paramref name="Rating"/> (positive = trust or endorsement, negative = distrust), as in the Bitcoin OTC and Alpha
/// web-of-trust networks.</summary>
/// <param name="Source">The rater's external id.</param>
/// <param name="Target">The rated user's external id.</param>
/// <param name="Rating">The signed rating; finite.</param>
public readonly record struct SignedRating(long Source, long Target, double Rating);
