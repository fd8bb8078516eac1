namespace Resonance.Application.Topics;

/// <summary>English stop words dropped before keyword matching: function words, pronouns, auxiliaries, and the
/// social-media filler (<c>rt</c>, <c>via</c>, <c>amp</c>) that says nothing about a topic.</summary>
/// <remarks>The list follows the common English stop lists (Lucene's <c>EnglishAnalyzer</c> set extended with pronouns
/// and auxiliaries); it is fixed, since changing it changes which posts match a keyword.</remarks>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
        "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
        "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my",
        "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out",
        "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
        "your", "yours", "yourself", "yourselves", "im", "ive", "youre", "dont", "thats", "also", "get", "got", "really",
        "rt", "via", "amp", "new", "one", "like",
    };

    /// <summary>True if <paramref name="word"/> (lower case) is a stop word.</summary>
    public static bool Contains(string word) => Words.Contains(word);
}
