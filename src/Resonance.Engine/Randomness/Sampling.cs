namespace Resonance.Engine.Randomness;

/// <summary>Draws from common continuous and discrete distributions using a <see cref="Xoshiro256StarStar"/> generator.</summary>
/// <remarks>
/// Method: inverse transform for the exponential and Pareto (power-law) laws; Box–Muller [1] for the normal (one value per
/// call, the second is discarded so that no hidden state is kept); lognormal as exp of a normal; Poisson by Knuth's product
/// of uniforms below mean 10 and by Hörmann's transformed rejection with squeeze (PTRS) [2] above it.
/// Complexity: O(1) expected time per draw (Knuth's method is O(mean), which is bounded by 10); no allocation.
/// Determinism: each draw consumes a fixed or rejection-driven number of generator outputs, and depends only on the
/// generator state and the arguments. The functions use <see cref="Math.Log(double)"/>, <see cref="Math.Exp"/>,
/// <see cref="Math.Cos"/> and <see cref="Math.Sqrt"/>; these are correctly rounded or nearly so, but the last bit may
/// differ between platforms, so cross-machine golden tests should compare within a tolerance.
/// [1] Box, Muller (1958). A note on the generation of random normal deviates. Ann. Math. Statist. 29(2):610–611. doi:10.1214/aoms/1177706645
/// [2] Hörmann (1993). The transformed rejection method for generating Poisson random variables. Insurance: Mathematics
///     and Economics 12(1):39–45. doi:10.1016/0167-6687(93)90997-4
/// </remarks>
/// <seealso cref="AliasTable"/>
public static class Sampling
{
    /// <summary>True with probability <paramref name="probability"/> (values outside [0, 1] act as 0 or 1).</summary>
    public static bool Bernoulli(ref Xoshiro256StarStar rng, double probability) => rng.NextDouble() < probability;

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public static double Uniform(ref Xoshiro256StarStar rng, double min, double max) => min + ((max - min) * rng.NextDouble());

    /// <summary>An exponential variate with the given mean (inverse transform).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is not positive and finite.</exception>
    public static double Exponential(ref Xoshiro256StarStar rng, double mean)
    {
        RequirePositive(mean, nameof(mean));
        return -mean * Math.Log(1.0 - rng.NextDouble());
    }

    /// <summary>A standard normal variate (mean 0, standard deviation 1) by the Box–Muller transform.</summary>
    public static double StandardNormal(ref Xoshiro256StarStar rng)
    {
        var u1 = 1.0 - rng.NextDouble(); // (0, 1], so the logarithm is finite
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A normal variate with the given mean and standard deviation.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="standardDeviation"/> is negative or not finite.</exception>
    public static double Normal(ref Xoshiro256StarStar rng, double mean, double standardDeviation)
    {
        RequireNonNegative(standardDeviation, nameof(standardDeviation));
        return mean + (standardDeviation * StandardNormal(ref rng));
    }

    /// <summary>A lognormal variate exp(N(<paramref name="mu"/>, <paramref name="sigma"/>²)); its median is exp(mu) and its mean exp(mu + sigma²/2).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sigma"/> is negative or not finite.</exception>
    public static double LogNormal(ref Xoshiro256StarStar rng, double mu, double sigma) => Math.Exp(Normal(ref rng, mu, sigma));

    /// <summary>A lognormal variate with mean 1: exp(N(−sigma²/2, sigma²)). Handy as a heavy-tailed multiplicative "fitness".</summary>
    public static double LogNormalUnitMean(ref Xoshiro256StarStar rng, double sigma) => LogNormal(ref rng, -0.5 * sigma * sigma, sigma);

    /// <summary>A Pareto (continuous power-law) variate with density ∝ x^−(alpha+1) for x ≥ <paramref name="minimum"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimum"/> or <paramref name="alpha"/> is not positive and finite.</exception>
    public static double Pareto(ref Xoshiro256StarStar rng, double minimum, double alpha)
    {
        RequirePositive(minimum, nameof(minimum));
        RequirePositive(alpha, nameof(alpha));
        return minimum * Math.Pow(1.0 - rng.NextDouble(), -1.0 / alpha);
    }

    /// <summary>A Poisson variate with the given mean (0 when the mean is 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is negative, not finite or above 1e9.</exception>
    public static int Poisson(ref Xoshiro256StarStar rng, double mean)
    {
        if (!(mean >= 0.0 && mean <= 1e9))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, $"The Poisson mean must be in [0, 1e9], but it is {mean}.");
        }
        if (mean == 0.0)
        {
            return 0;
        }
        return mean < 10.0 ? PoissonKnuth(ref rng, Math.Exp(-mean)) : PoissonPtrs(ref rng, mean);
    }

    /// <summary>Fills <paramref name="into"/> with Poisson variates of the given mean: the same values, in the same order
    /// and from the same generator outputs, as calling <see cref="Poisson"/> once per element, but e^−mean is computed
    /// once instead of once per draw (the bootstrap draws one per engagement pair and replicate).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is negative, not finite or above 1e9.</exception>
    public static void FillPoisson(ref Xoshiro256StarStar rng, double mean, Span<int> into)
    {
        if (!(mean >= 0.0 && mean <= 1e9))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, $"The Poisson mean must be in [0, 1e9], but it is {mean}.");
        }
        if (mean == 0.0)
        {
            into.Clear();
            return;
        }
        if (mean >= 10.0)
        {
            for (var i = 0; i < into.Length; i++)
            {
                into[i] = PoissonPtrs(ref rng, mean);
            }
            return;
        }
        var limit = Math.Exp(-mean);
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = PoissonKnuth(ref rng, limit);
        }
    }

    /// <summary>Knuth's product of uniforms, stopping once the product is at most <paramref name="limit"/> = e^−mean.</summary>
    private static int PoissonKnuth(ref Xoshiro256StarStar rng, double limit)
    {
        var product = rng.NextDouble();
        var k = 0;
        while (product > limit)
        {
            k++;
            product *= rng.NextDouble();
        }
        return k;
    }

    // Hörmann (1993), algorithm PTRS; the constants are the paper's.
    private static int PoissonPtrs(ref Xoshiro256StarStar rng, double mean)
    {
        var sqrtMean = Math.Sqrt(mean);
        var logMean = Math.Log(mean);
        var b = 0.931 + (2.53 * sqrtMean);
        var a = -0.059 + (0.02483 * b);
        var inverseAlpha = 1.1239 + (1.1328 / (b - 3.4));
        var vr = 0.9277 - (3.6224 / (b - 2.0));
        while (true)
        {
            var u = rng.NextDouble() - 0.5;
            var v = rng.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((((2.0 * a / us) + b) * u) + mean + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return (int)k;
            }
            if (k < 0.0 || (us < 0.013 && v > us))
            {
                continue;
            }
            var lhs = Math.Log(v) + Math.Log(inverseAlpha) - Math.Log((a / (us * us)) + b);
            var rhs = -mean + (k * logMean) - LogFactorial(k);
            if (lhs <= rhs)
            {
                return (int)k;
            }
        }
    }

    /// <summary>ln(k!) for a non-negative integer k: exact table below 16, Stirling's series (error below 1e-12) above.</summary>
    public static double LogFactorial(double k)
    {
        if (k < SmallLogFactorials.Length)
        {
            return SmallLogFactorials[(int)k];
        }
        var x = k + 1.0;
        var inverse = 1.0 / x;
        var inverse2 = inverse * inverse;
        // ln Γ(x) = (x − ½) ln x − x + ½ ln 2π + 1/(12x) − 1/(360x³) + 1/(1260x⁵)
        return ((x - 0.5) * Math.Log(x)) - x + 0.91893853320467274178
            + (inverse * ((1.0 / 12.0) - (inverse2 * ((1.0 / 360.0) - (inverse2 / 1260.0)))));
    }

    private static readonly double[] SmallLogFactorials = BuildSmallLogFactorials();

    private static double[] BuildSmallLogFactorials()
    {
        var table = new double[16];
        var factorial = 1.0;
        for (var i = 1; i < table.Length; i++)
        {
            factorial *= i;
            table[i] = Math.Log(factorial);
        }
        return table;
    }

    private static void RequirePositive(double value, string name)
    {
        if (!(value > 0.0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be positive and finite, but it is {value}.");
        }
    }

    private static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0.0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be non-negative and finite, but it is {value}.");
        }
    }
}
