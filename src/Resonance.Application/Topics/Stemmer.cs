using Lucene.Net.Tartarus.Snowball.Ext;

namespace Resonance.Application.Topics;

/// <summary>English stemming with the Snowball English stemmer (Porter2; M. F. Porter, "Snowball: a language for
/// stemming algorithms", 2001, refining Porter 1980), from Lucene.Net.Analysis.Common.</summary>
/// <remarks>O(word length). Deterministic. The Lucene stemmer is stateful, so each thread keeps its own.</remarks>
public static class Stemmer
{
    [ThreadStatic]
    private static EnglishStemmer? stemmer;

    /// <summary>The stem of a lower-case word, for example <c>models</c> → <c>model</c>, <c>running</c> → <c>run</c>.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var s = stemmer ??= new EnglishStemmer();
        s.SetCurrent(word);
        s.Stem();
        return s.Current;
    }
}
