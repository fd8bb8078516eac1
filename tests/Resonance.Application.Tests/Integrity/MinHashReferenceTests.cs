using Resonance.Application.Integrity.Signals;
using Resonance.Application.Tests.Synthetic;
using Resonance.Engine.Randomness;

namespace Resonance.Application.Tests.Integrity;

/// <summary>The allocation-free MinHash and the near-duplicate signal give what the plain versions gave, bit for bit, on
/// every text of the default generated community (runs read these texts now, so the fast path must not move a value).</summary>
public sealed class MinHashReferenceTests
{
    [Fact]
    public void Signatures_equal_the_plain_word_list_and_derive_version()
    {
        var texts = SyntheticSample.Default.Records.Where(r => r.Post?.Text is not null).Select(r => r.Post!.Text!)
            .Concat(["", "  ...  ", "Ünïcode ÀB 12 34x5 a", "x", "two words", new string('a', 700) + " 1 2 3 " + new string('b', 600)]).ToList();

        Assert.True(texts.Count > 10_000);
        Assert.All(texts, t => Assert.Equal(PlainSignature(t), MinHash.Signature(t)));
    }

    [Fact]
    public void The_signal_equals_the_plain_tuple_sorted_version()
    {
        var log = ActivityLog.FromRecords(SyntheticSample.Default.Records);

        var fast = new NearDuplicateSignal().Compute(log);

        Assert.Equal(PlainValues(log), fast.Values);
        Assert.Contains(fast.Values, v => v > 0.9);
    }

    [Fact]
    public void Texts_without_words_are_left_out_as_before()
    {
        var at = DateTimeOffset.UnixEpoch;
        var posts = Enumerable.Range(0, 40).Select(k => new Domain.Post("n", $"p{k:D2}", k % 2 == 0 ? "spammer" : "person", at.AddMinutes(k),
            k % 5 == 0 ? "!!! ..." : k % 2 == 0 ? $"win {k} free coins today at the best shop" : $"thoughts on day {k} and the {(char)('a' + k)} river walk")).ToList();
        var log = ActivityLog.Build(["spammer", "person"], posts, []);

        var fast = new NearDuplicateSignal().Compute(log);

        Assert.Equal(PlainValues(log), fast.Values);
        Assert.Equal(1.0, fast.Values[Array.IndexOf(log.AccountIds, "spammer")]);
    }

    /// <summary>MinHash as first written: a string per word, <see cref="SplitMix64.Derive"/> per hash function.</summary>
    private static ulong[]? PlainSignature(string text)
    {
        var words = new List<string>();
        var sb = new System.Text.StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsDigit(ch))
            {
                if (sb.Length == 0 || sb[^1] != '0')
                {
                    sb.Append('0');
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
        if (words.Count == 0)
        {
            return null;
        }
        var sig = Enumerable.Repeat(ulong.MaxValue, MinHash.Hashes).ToArray();
        var width = Math.Min(MinHash.ShingleWords, words.Count);
        for (var s = 0; s + width <= words.Count; s++)
        {
            var h = 14695981039346656037UL;
            foreach (var c in string.Concat(words.Skip(s).Take(width).Select(w => w + " ")))
            {
                h = (h ^ c) * 1099511628211UL;
            }
            for (var k = 0; k < MinHash.Hashes; k++)
            {
                sig[k] = Math.Min(sig[k], SplitMix64.Derive(h, (ulong)k));
            }
        }
        return sig;
    }

    /// <summary>The signal's values as first written: a signature array per post and (band, post) tuples sorted per band.</summary>
    private static double[] PlainValues(ActivityLog log)
    {
        var posts = new List<int>();
        var sigs = new List<ulong[]>();
        for (var p = 0; p < log.PostAuthors.Length; p++)
        {
            if (log.PostIsOriginal[p] && log.PostTexts[p] is { } text && PlainSignature(text) is { } sig)
            {
                posts.Add(p);
                sigs.Add(sig);
            }
        }
        var duplicate = new bool[posts.Count];
        var rows = MinHash.Hashes / NearDuplicateSignal.Bands;
        var bucket = new (ulong Band, int Post)[posts.Count];
        for (var b = 0; b < NearDuplicateSignal.Bands; b++)
        {
            for (var j = 0; j < posts.Count; j++)
            {
                var h = 14695981039346656037UL;
                for (var r = b * rows; r < (b + 1) * rows; r++)
                {
                    h = (h ^ sigs[j][r]) * 1099511628211UL;
                }
                bucket[j] = (h, j);
            }
            Array.Sort(bucket);
            for (var x = 0; x < bucket.Length; x++)
            {
                for (var y = x + 1; y < bucket.Length && y <= x + NearDuplicateSignal.Neighbours && bucket[y].Band == bucket[x].Band; y++)
                {
                    int u = bucket[x].Post, v = bucket[y].Post;
                    if ((!duplicate[u] || !duplicate[v]) && MinHash.Similarity(sigs[u], sigs[v]) >= NearDuplicateSignal.Similar)
                    {
                        duplicate[u] = duplicate[v] = true;
                    }
                }
            }
        }
        var total = new int[log.AccountCount];
        var dups = new int[log.AccountCount];
        for (var j = 0; j < posts.Count; j++)
        {
            total[log.PostAuthors[posts[j]]]++;
            dups[log.PostAuthors[posts[j]]] += duplicate[j] ? 1 : 0;
        }
        return [.. Enumerable.Range(0, log.AccountCount).Select(a => total[a] >= NearDuplicateSignal.MinPosts ? dups[a] / (double)total[a] : 0)];
    }
}
