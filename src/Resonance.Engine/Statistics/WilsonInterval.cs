namespace Resonance.Engine.Statistics;

/// <summary>The Wilson score interval for a binomial proportion: k successes in n trials.</summary>
/// <remarks>
/// <para>Method: with p̂ = k/n and z the normal quantile, the interval is
/// <c>(p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)</c> [1]. Unlike p̂ ± z·√(p̂(1 − p̂)/n) it never leaves [0, 1]
/// and stays wide for small n: 3 of 4 gives [0.30, 0.95] at 95%, 300 of 400 gives [0.71, 0.79]. Recommended over the
/// Wald interval by Brown, Cai and DasGupta [2].</para>
/// <para>Complexity: O(1). Determinism: a closed form of IEEE operations.</para>
/// <para>References: [1] Wilson (1927). Probable inference, the law of succession, and statistical inference. JASA
/// 22(158):209–212. [2] Brown, Cai, DasGupta (2001). Interval estimation for a binomial proportion. Statistical Science
/// 16(2):101–133.</para>
/// </remarks>
public static class WilsonInterval
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The interval for <paramref name="successes"/> of <paramref name="trials"/>; (0, 1) when there are no trials.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Counts are negative, or successes exceed trials, or z is not positive.</exception>
    public static (double Low, double High) Compute(long successes, long trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(z);
        if (trials == 0)
        {
            return (0, 1);
        }
        double n = trials, p = successes / n, z2 = z * z;
        var centre = p + (z2 / (2 * n));
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        var denominator = 1 + (z2 / n);
        // Exact ends at k = 0 and k = n (the closed form leaves rounding noise of 1e-17 there).
        return (successes == 0 ? 0 : Math.Max(0, (centre - half) / denominator), successes == trials ? 1 : Math.Min(1, (centre + half) / denominator));
    }
}
