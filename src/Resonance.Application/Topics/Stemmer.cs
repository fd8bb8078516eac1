using Lucene.Net.Tartarus.Snowball.Ext;

namespace Resonance.Application.Topics;

/// <summary>English stemming with the Snowball English stemmer (Porter2; M. F. Porter, "Snowball: a language for
/// stemming algorithms", 2001, refining Porter 1980), from Lucene.Net.Analysis.Common.</summary>
/// <remarks>O(word length), a hash lookup for a word seen before on the thread (a bounded cache). Deterministic. The
/// Lucene stemmer is stateful, so each thread keeps its own, and its own cache.</remarks>
public static class Stemmer
{
    /// <summary>Words stemmed on this thread: a post's vocabulary repeats, and stemming is the extractor's main cost.</summary>
    private const int CacheLimit = 200_000;

    [ThreadStatic]
    private static EnglishStemmer? stemmer;

    [ThreadStatic]
    private static Dictionary<string, string>? cache;

    /// <summary>The stem of a lower-case word, for example <c>models</c> → <c>model</c>, <c>running</c> → <c>run</c>.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var known = cache ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (known.TryGetValue(word, out var stem))
        {
            return stem;
        }
        var s = stemmer ??= new EnglishStemmer();
        s.SetCurrent(word);
        s.Stem();
        if (known.Count >= CacheLimit)
        {
            known.Clear();
        }
        return known[word] = s.Current;
    }
}
