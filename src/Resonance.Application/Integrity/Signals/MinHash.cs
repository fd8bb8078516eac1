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
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        if (words.Count == 0)
        {
            return null;
        }
        var sig = new ulong[Hashes];
        Array.Fill(sig, ulong.MaxValue);
        var width = Math.Min(ShingleWords, words.Count);
        for (var s = 0; s + width <= words.Count; s++)
        {
            var h = 14695981039346656037UL;
            for (var w = s; w < s + width; w++)
            {
                foreach (var c in words[w])
                {
                    h = (h ^ c) * 1099511628211UL;
                }
                h = (h ^ ' ') * 1099511628211UL;
            }
            for (var k = 0; k < Hashes; k++)
            {
                sig[k] = Math.Min(sig[k], SplitMix64.Derive(h, (ulong)k));
            }
        }
        return sig;
    }

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

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var sb = new System.Text.StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsDigit(ch))
            {
                if (sb.Length == 0 || sb[^1] != '0')
                {
                    sb.Append('0'); // a run of digits folds to one 0
                }
            }
            else if (char.IsLetter(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }
        return words;
    }
}
