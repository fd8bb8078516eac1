namespace Resonance.Application.Integrity.Signals;

/// <summary>Near-duplicate text: the share of an account's original posts that nearly repeat another original post.</summary>
/// <remarks>
/// <para>Each original post with text gets a <see cref="MinHash"/> signature. Locality-sensitive hashing (Indyk and
/// Motwani, STOC 1998; Leskovec, Rajaraman and Ullman, "Mining of Massive Datasets", ch. 3) cuts it into
/// <see cref="Bands"/> bands of <see cref="MinHash.Hashes"/>/<see cref="Bands"/> rows; posts sharing a band are candidates,
/// and a candidate within <see cref="Neighbours"/> places in its band's sorted bucket whose estimated Jaccard similarity is
/// at least <see cref="Similar"/> makes both posts near-duplicates. Value: the share of the account's original posts that
/// are near-duplicates (of its own posts or anyone's: spam campaigns share templates). Accounts with fewer than
/// <see cref="MinPosts"/> original posts score 0. Score: <see cref="SignalResult.Ramp"/> from <see cref="HumanShare"/> to
/// <see cref="CertainShare"/>.</para>
/// <para>Complexity: O(p·(L·H + B log p)) for p posts of L words, H hashes and B bands. Determinism: buckets are sorted
/// by (band value, post index); no hashing of strings by the runtime; no threads.</para>
/// </remarks>
public sealed class NearDuplicateSignal : IBehaviourSignal
{
    /// <summary>LSH bands.</summary>
    public const int Bands = 8;

    /// <summary>Estimated Jaccard similarity at which two posts are near-duplicates.</summary>
    public const double Similar = 0.8;

    /// <summary>Bucket neighbours compared on each side.</summary>
    public const int Neighbours = 4;

    /// <summary>Original posts below which the signal is not measured.</summary>
    public const int MinPosts = 5;

    /// <summary>Near-duplicate share a person with a routine reaches; scores 0 at or below.</summary>
    public const double HumanShare = 0.8;

    /// <summary>Near-duplicate share that scores 1.</summary>
    public const double CertainShare = 0.95;

    /// <inheritdoc/>
    public string Name => "near-duplicate";

    /// <inheritdoc/>
    public string Description => "share of its posts that nearly repeat another post (MinHash over 3-word shingles)";

    /// <inheritdoc/>
    public SignalResult Compute(ActivityLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var posts = new List<int>();
        var candidates = 0;
        for (var p = 0; p < log.PostAuthors.Length; p++)
        {
            candidates += log.PostIsOriginal[p] && log.PostTexts[p] is not null ? 1 : 0;
        }
        // One flat array of signatures, post j's at [j·H, (j + 1)·H).
        var sigs = new ulong[candidates * MinHash.Hashes];
        for (var p = 0; p < log.PostAuthors.Length; p++)
        {
            if (log.PostIsOriginal[p] && log.PostTexts[p] is { } text && MinHash.Fill(text, sigs.AsSpan(posts.Count * MinHash.Hashes, MinHash.Hashes)))
            {
                posts.Add(p);
            }
        }
        var count = posts.Count;
        var duplicate = new bool[count];
        var rows = MinHash.Hashes / Bands;
        var band = new ulong[count];
        var order = new int[count];
        for (var b = 0; b < Bands; b++)
        {
            for (var j = 0; j < count; j++)
            {
                var h = 14695981039346656037UL;
                for (var r = b * rows; r < (b + 1) * rows; r++)
                {
                    h = (h ^ sigs[(j * MinHash.Hashes) + r]) * 1099511628211UL;
                }
                band[j] = h;
                order[j] = j;
            }
            SortByBandThenPost(band, order);
            for (var x = 0; x < count; x++)
            {
                for (var y = x + 1; y < count && y <= x + Neighbours && band[y] == band[x]; y++)
                {
                    int u = order[x], v = order[y];
                    if ((!duplicate[u] || !duplicate[v]) && Similarity(sigs, u, v) >= Similar)
                    {
                        duplicate[u] = duplicate[v] = true;
                    }
                }
            }
        }
        var n = log.AccountCount;
        var total = new int[n];
        var dups = new int[n];
        for (var j = 0; j < posts.Count; j++)
        {
            var a = log.PostAuthors[posts[j]];
            total[a]++;
            dups[a] += duplicate[j] ? 1 : 0;
        }
        var values = new double[n];
        var scores = new double[n];
        for (var a = 0; a < n; a++)
        {
            if (total[a] >= MinPosts)
            {
                values[a] = dups[a] / (double)total[a];
                scores[a] = SignalResult.Ramp(values[a], HumanShare, CertainShare);
            }
        }
        return new SignalResult(Name, values, scores);
    }

    /// <summary>Sorts <paramref name="band"/> ascending, carrying <paramref name="order"/>, with equal band values in
    /// ascending post order: the order of sorting (band, post) pairs, by a primitive-keyed sort plus a pass over ties.</summary>
    private static void SortByBandThenPost(ulong[] band, int[] order)
    {
        Array.Sort(band, order);
        for (var x = 0; x < band.Length;)
        {
            var y = x + 1;
            while (y < band.Length && band[y] == band[x])
            {
                y++;
            }
            if (y - x > 1)
            {
                order.AsSpan(x, y - x).Sort();
            }
            x = y;
        }
    }

    /// <summary><see cref="MinHash.Similarity"/> of posts u and v in the flat signature array.</summary>
    private static double Similarity(ulong[] sigs, int u, int v)
    {
        var a = sigs.AsSpan(u * MinHash.Hashes, MinHash.Hashes);
        var b = sigs.AsSpan(v * MinHash.Hashes, MinHash.Hashes);
        var same = 0;
        for (var k = 0; k < MinHash.Hashes; k++)
        {
            same += a[k] == b[k] ? 1 : 0;
        }
        return same / (double)MinHash.Hashes;
    }
}
