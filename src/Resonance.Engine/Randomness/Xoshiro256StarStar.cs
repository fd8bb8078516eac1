using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Resonance.Engine.Randomness;

/// <summary>xoshiro256**: the engine's general-purpose 64-bit pseudorandom generator, seeded through <see cref="SplitMix64"/>.</summary>
/// <remarks>
/// Method: a 256-bit xor/shift/rotate linear engine (state s0..s3) scrambled by <c>rotl(s1 · 5, 7) · 9</c>; period 2^256 − 1,
/// equidistributed in 4 dimensions. A ulong seed is expanded into the state with four <see cref="SplitMix64"/> outputs,
/// as the reference implementation recommends, so that similar seeds give unrelated streams.
/// Doubles use the top 53 bits (<c>(x &gt;&gt; 11) · 2^-53</c>, exactly as the authors suggest), so every value is a
/// multiple of 2^-53 in [0, 1). Bounded integers use Lemire's multiply-and-reject method, which is unbiased and
/// needs a division only on the rare rejection path.
/// Complexity: O(1) time and 32 bytes of state per generator; no allocation.
/// Determinism: the sequence depends only on the seed (or the raw state) and is the same on every machine, operating
/// system and .NET version; known-answer tests pin it against the authors' C code. The struct is mutable: pass it by
/// <c>ref</c>, and give each parallel chunk its own generator seeded with <see cref="SplitMix64.Derive"/>(seed, chunk).
/// Not cryptographically secure.
/// [1] Blackman, Vigna (2021). Scrambled linear pseudorandom number generators. ACM TOMS 47(4):36. doi:10.1145/3460772
/// [2] Vigna, S. xoshiro256starstar.c, https://prng.di.unimi.it/xoshiro256starstar.c
/// [3] Lemire (2019). Fast random integer generation in an interval. ACM TOMACS 29(1):3. doi:10.1145/3230636
/// </remarks>
/// <seealso cref="SplitMix64"/>
/// <seealso cref="Sampling"/>
public struct Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the generator from one 64-bit value: the state is the next four outputs of <see cref="SplitMix64"/>(seed).</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var sm = new SplitMix64(seed);
        _s0 = sm.Next();
        _s1 = sm.Next();
        _s2 = sm.Next();
        _s3 = sm.Next();
    }

    private Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    /// <summary>Creates a generator with an explicit raw state, as the reference code's <c>s[4]</c>; the state must not be all zero.</summary>
    public static Xoshiro256StarStar FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The xoshiro256** state must not be all zero: the generator would only ever return zero.", nameof(s0));
        }
        return new Xoshiro256StarStar(s0, s1, s2, s3);
    }

    /// <summary>Returns the next 64 random bits (the reference <c>next()</c>).</summary>
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Returns 32 random bits: the upper half of <see cref="NextUInt64"/> (the better-mixed half).</summary>
    public uint NextUInt32() => (uint)(NextUInt64() >> 32);

    /// <summary>Returns a double uniformly distributed in [0, 1): the top 53 bits times 2^-53.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns an integer uniformly distributed in [0, <paramref name="maxExclusive"/>), without bias (Lemire's method).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is zero or negative.</exception>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            ThrowNotPositive(maxExclusive);
        }
        return (int)NextBounded((uint)maxExclusive);
    }

    /// <summary>Returns an integer uniformly distributed in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>), without bias.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is not greater than <paramref name="minInclusive"/>.</exception>
    public int NextInt(int minInclusive, int maxExclusive)
    {
        if (maxExclusive <= minInclusive)
        {
            ThrowEmptyRange(minInclusive, maxExclusive);
        }
        var range = (uint)((long)maxExclusive - minInclusive);
        return (int)(minInclusive + (long)NextBounded(range));
    }

    // Lemire (2019), algorithm 5: the high word of a 32x32-bit product, rejecting the 2^32 mod range low words that would bias it.
    private uint NextBounded(uint range)
    {
        var m = (ulong)NextUInt32() * range;
        var low = (uint)m;
        if (low < range)
        {
            var threshold = (0u - range) % range;
            while (low < threshold)
            {
                m = (ulong)NextUInt32() * range;
                low = (uint)m;
            }
        }
        return (uint)(m >> 32);
    }

    [DoesNotReturn]
    private static void ThrowNotPositive(int maxExclusive) =>
        throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, $"The exclusive upper bound must be positive, but it is {maxExclusive}.");

    [DoesNotReturn]
    private static void ThrowEmptyRange(int minInclusive, int maxExclusive) =>
        throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive,
            $"The exclusive upper bound ({maxExclusive}) must be greater than the lower bound ({minInclusive}).");
}
