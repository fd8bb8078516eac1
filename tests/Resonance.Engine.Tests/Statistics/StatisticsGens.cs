using CsCheck;

namespace Resonance.Engine.Tests.Statistics;

/// <summary>CsCheck generators for score samples; ties are common in real scores, so half the values come from a small grid.</summary>
public static class StatisticsGens
{
    /// <summary>A value from {−4, …, 4} or uniform in [−1000, 1000].</summary>
    public static readonly Gen<double> Value = Gen.OneOf(Gen.Int[-4, 4].Select(i => (double)i), Gen.Double[-1000, 1000]);

    /// <summary>An array of <see cref="Value"/>s with a length in [min, max].</summary>
    public static Gen<double[]> Sample(int min, int max) =>
        from n in Gen.Int[min, max]
        from values in Value.Array[n]
        select values;
}
