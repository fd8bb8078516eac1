using System.Runtime.CompilerServices;

namespace Resonance.Engine.Randomness;

/// <summary>SplitMix64: a tiny 64-bit generator used to seed other generators and to derive per-chunk streams.</summary>
/// <remarks>
/// Method: a Weyl sequence (increment 0x9E3779B97F4A7C15) passed through a 64-bit finaliser (variant 13 of Stafford's mix).
/// Complexity: O(1) time and memory per value.
/// Determinism: the sequence depends only on the seed; it is the same on every machine and .NET version.
/// [1] Steele, Lea, Flood (2014). Fast splittable pseudorandom number generators. OOPSLA 2014. doi:10.1145/2660193.2660195
/// [2] Vigna, S. splitmix64.c, https://prng.di.unimi.it/splitmix64.c
/// </remarks>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Returns the next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a few instructions, called per pair and replicate by the bootstrap's draws
    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Mixes a seed with a stream index (for example a chunk number) into an independent seed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Derive(ulong seed, ulong stream)
    {
        var s = new SplitMix64(seed ^ (stream * 0xD1B54A32D192ED03UL));
        s.Next();
        return s.Next();
    }
}
