using Resonance.Engine.Randomness;

namespace Resonance.Application.Integrity.Signals;

/// <summary>MinHash signatures of texts over word shingles, with digits folded, for near-duplicate detection.</summary>
/// <remarks>
/// <para>Method (Broder, "On the resemblance and containment of documents", SEQUENCES 1997): a text becomes the set of
/// its <see cref="ShingleWords"/>-word shingles (lower-cased, split on anything but letters and digits, every run of
/// digits folded to one 0 so "win 37 coins" and "win 52 coins" agree). Each of <see cref="Hashes"/> hash functions keeps the
/// minimum over the shingles; two signatures agree in a given position with probability equal to the Jaccard
/// similarity of the shingle sets.</para>
/// <para>Hashing: FNV-1a 64 over the shingle's characters, then <see cref="SplitMix64.Derive"/> with the function's index,
/// so signatures do not depend on <see cref="string.GetHashCode()"/> (randomised per process).</para>
/// <para>Complexity: O(L·H) per text of L words and H hashes. Determinism: pure function of the text.</para>
/// </remarks>
public static class MinHash
{
    /// <summary>Hash functions per signature.</summary>
    public const int Hashes = 32;

    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 3;

    /// <summary>The signature of <paramref name="text"/>, or null when it has no words.</summary>
    public static ulong[]? Signature(string text)
    {
        var sig = new ulong[Hashes];
        return Fill(text, sig) ? sig : null;
    }

    /// <summary>Writes the signature of <paramref name="text"/> into <paramref name="sig"/> (<see cref="Hashes"/> long);
    /// false, leaving it unspecified, when the text has no words.</summary>
    /// <remarks>The words are normalised into one buffer (no string per word) and each shingle is hashed where it lies.
    /// <see cref="SplitMix64.Derive"/>(h, k) discards its generator's first output, so it equals one SplitMix64 finaliser
    /// of h ^ (k · 0xD1B54A32D192ED03) + 2 · 0x9E3779B97F4A7C15, which is what is computed (tested equal).</remarks>
    public static bool Fill(string text, Span<ulong> sig)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        Span<int> bounds = text.Length <= 256 ? stackalloc int[text.Length + 1] : new int[text.Length + 1];
        var words = Normalise(text, buffer, bounds);
        if (words == 0)
        {
            return false;
        }
        sig[..Hashes].Fill(ulong.MaxValue);
        var width = Math.Min(ShingleWords, words);
        for (var s = 0; s + width <= words; s++)
        {
            var h = 14695981039346656037UL;
            for (var w = s; w < s + width; w++)
            {
                foreach (var c in buffer[bounds[w]..bounds[w + 1]])
                {
                    h = (h ^ c) * 1099511628211UL;
                }
                h = (h ^ ' ') * 1099511628211UL;
            }
            for (var k = 0; k < Hashes; k++)
            {
                var z = (h ^ StreamKeys[k]) + TwoGoldenSteps;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                if (z < sig[k])
                {
                    sig[k] = z;
                }
            }
        }
        return true;
    }

    /// <summary>Two steps of SplitMix64's Weyl sequence, 2 · 0x9E3779B97F4A7C15 mod 2^64.</summary>
    private const ulong TwoGoldenSteps = unchecked(0x9E3779B97F4A7C15UL * 2);

    private static readonly ulong[] StreamKeys = [.. Enumerable.Range(0, Hashes).Select(k => (ulong)k * 0xD1B54A32D192ED03UL)];

    /// <summary>The share of positions where two signatures agree: an unbiased estimate of the Jaccard similarity.</summary>
    public static double Similarity(ulong[] a, ulong[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var same = 0;
        for (var k = 0; k < Hashes; k++)
        {
            same += a[k] == b[k] ? 1 : 0;
        }
        return same / (double)Hashes;
    }

    /// <summary>Writes the words of <paramref name="text"/> (lower-cased letters, each run of digits as one 0) one after
    /// another into <paramref name="buffer"/>; word w is <c>buffer[bounds[w]..bounds[w + 1]]</c>. Returns the word count.</summary>
    private static int Normalise(string text, Span<char> buffer, Span<int> bounds)
    {
        int length = 0, words = 0, start = 0;
        foreach (var ch in text)
        {
            if (char.IsDigit(ch))
            {
                if (length == start || buffer[length - 1] != '0')
                {
                    buffer[length++] = '0'; // a run of digits folds to one 0
                }
            }
            else if (char.IsLetter(ch))
            {
                buffer[length++] = char.ToLowerInvariant(ch);
            }
            else if (length > start)
            {
                bounds[words++] = start;
                start = length;
            }
        }
        if (length > start)
        {
            bounds[words++] = start;
        }
        bounds[words] = length;
        return words;
    }
}
