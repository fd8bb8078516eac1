using System.Globalization;
using System.Reflection;

namespace Resonance.Application.Topics;

/// <summary>The topic taxonomy: topics with parents and aliases, read from tab-separated files (format in <c>docs/topics.md</c>).</summary>
/// <remarks>
/// <para>A line is <c>topic TAB parent TAB aliases</c>; the parent may be empty; aliases are comma separated: <c>#tag</c>
/// a hashtag, <c>$TICKER</c> a cashtag, anything else a keyword or phrase. A topic's own name (hyphens removed) is
/// always one of its hashtags. Lines starting with <c>#</c> and blank lines are ignored. A topic named again (in the
/// same or a later file) keeps its first parent unless the later line gives one, and gains the new aliases, so an
/// operator's file extends the built-in one.</para>
/// <para>Lookups are hash lookups; loading is O(total aliases). Deterministic: topics keep file order.</para>
/// </remarks>
public sealed class TopicTaxonomy
{
    private readonly Dictionary<string, TopicDefinition> topics;
    private readonly Dictionary<string, List<string>> byHashtag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> byCashtag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> byPhrase = new(StringComparer.Ordinal);
    private readonly HashSet<string> phrasePrefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Topic, string Stems), string> keywordText = [];
    private readonly Dictionary<string, string> anyKeywordText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> ancestors = new(StringComparer.Ordinal);
    private string? hash;

    private TopicTaxonomy(IReadOnlyList<TopicDefinition> definitions)
    {
        Topics = definitions;
        topics = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var d in definitions)
        {
            foreach (var h in d.Hashtags)
            {
                Add(byHashtag, h, d.Name);
            }

            foreach (var c in d.Cashtags)
            {
                Add(byCashtag, c, d.Name);
            }

            foreach (var k in d.Keywords)
            {
                var stems = TopicTokenizer.Words(k);
                if (stems.Count > 0)
                {
                    var phrase = string.Join(' ', stems);
                    Add(byPhrase, phrase, d.Name);
                    keywordText.TryAdd((d.Name, phrase), k);
                    anyKeywordText.TryAdd(phrase, k);
                    LongestPhrase = Math.Max(LongestPhrase, stems.Count);
                    for (var len = 1; len < stems.Count; len++)
                    {
                        phrasePrefixes.Add(string.Join(' ', stems.Take(len)));
                    }
                }
            }
        }

        foreach (var d in definitions)
        {
            ancestors[d.Name] = [.. Chain(d.Name)];
        }
    }

    /// <summary>Every topic, in file order.</summary>
    public IReadOnlyList<TopicDefinition> Topics { get; }

    /// <summary>SHA-256 (lower-case hex) of the taxonomy as loaded: one <see cref="FormatLine"/> per topic in order, with
    /// its hashtags, cashtags and keywords. Two taxonomies with the same hash extract the same topics. Recorded in a run
    /// (<see cref="TopicParameters.TaxonomyHash"/>).</summary>
    public string Hash => hash ??= ComputeHash(Topics);

    /// <summary>Tokens in the longest keyword phrase (after stop words are removed).</summary>
    public int LongestPhrase { get; }

    /// <summary>The text of the taxonomy shipped with Resonance (<c>taxonomy/topics.tsv</c>).</summary>
    public static string BuiltInText { get; } = ReadBuiltIn();

    /// <summary>The taxonomy shipped with Resonance.</summary>
    public static TopicTaxonomy BuiltIn { get; } = Parse([BuiltInText]);

    /// <summary>The built-in taxonomy extended by the operator's files, in order.</summary>
    /// <exception cref="TaxonomyFormatException">A line of a file is malformed or a parent is unknown or cyclic; the message
    /// names the file, the line and the field.</exception>
    public static TopicTaxonomy Load(IEnumerable<string> extraFiles)
    {
        ArgumentNullException.ThrowIfNull(extraFiles);
        return new(TaxonomyParser.Parse([("built-in taxonomy", BuiltInText), .. extraFiles.Where(File.Exists).Select(f => (f, File.ReadAllText(f)))]));
    }

    /// <summary>Parses taxonomy texts, later ones extending earlier ones.</summary>
    /// <exception cref="TaxonomyFormatException">A line is malformed or a parent is unknown or cyclic; the message names the text
    /// (<c>taxonomy text N</c>), the line and the field.</exception>
    public static TopicTaxonomy Parse(IEnumerable<string> texts) =>
        new(TaxonomyParser.Parse(texts.Select((text, i) => ($"taxonomy text {i + 1}", text))));

    /// <summary>The topic named <paramref name="name"/>, or null.</summary>
    public TopicDefinition? Find(string name) => topics.GetValueOrDefault(name.Trim().ToLowerInvariant());

    /// <summary>Topics whose hashtag is <paramref name="tag"/> (lower case, without '#').</summary>
    public IReadOnlyList<string> ForHashtag(string tag) => byHashtag.TryGetValue(tag, out var t) ? t : [];

    /// <summary>Topics whose cashtag is <paramref name="tag"/> (lower case, without '$').</summary>
    public IReadOnlyList<string> ForCashtag(string tag) => byCashtag.TryGetValue(tag, out var t) ? t : [];

    /// <summary>Topics whose keyword stems are exactly <paramref name="stems"/> joined by single spaces.</summary>
    public IReadOnlyList<string> ForPhrase(string stems) => byPhrase.TryGetValue(stems, out var t) ? t : [];

    /// <summary>How a reader would recognise <paramref name="match"/>: <c>#tag</c>, <c>$tag</c>, or for a keyword the alias as
    /// written in the taxonomy (<c>laminated dough</c>, not its stems <c>lamin dough</c>): the matched topic's own alias with
    /// those stems, else the first such alias of any topic, else the stems. Display only: matching and stored terms are stems.</summary>
    public string Surface(TopicMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Kind switch
        {
            TopicEvidenceKind.Hashtag => "#" + match.Term,
            TopicEvidenceKind.Cashtag => "$" + match.Term,
            _ => keywordText.GetValueOrDefault((match.Topic, match.Term)) ?? anyKeywordText.GetValueOrDefault(match.Term) ?? match.Term,
        };
    }

    /// <summary>True when <paramref name="stems"/> (joined by single spaces) begin a longer keyword phrase, so the
    /// extractor need not build longer runs of words from a start that no phrase has.</summary>
    public bool IsPhrasePrefix(string stems) => phrasePrefixes.Contains(stems);

    /// <summary>The topic and its ancestors, nearest first (computed once per topic).</summary>
    public IEnumerable<string> WithAncestors(string topic) =>
        ancestors.TryGetValue(topic, out var chain) ? chain : Chain(topic);

    private IEnumerable<string> Chain(string topic)
    {
        for (var t = Find(topic); t is not null; t = t.Parent is null ? null : Find(t.Parent))
        {
            yield return t.Name;
        }
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string topic)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (!list.Contains(topic))
        {
            list.Add(topic);
        }
    }

    private static string ComputeHash(IReadOnlyList<TopicDefinition> definitions)
    {
        var text = new System.Text.StringBuilder();
        foreach (var d in definitions)
        {
            text.Append(FormatLine(d.Name, d.Parent, [.. d.Hashtags.Select(h => "#" + h), .. d.Cashtags.Select(c => "$" + c), .. d.Keywords])).Append('\n');
        }
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string ReadBuiltIn()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Resonance.Topics.tsv")
            ?? throw new InvalidOperationException("The built-in taxonomy resource is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>One taxonomy line for <paramref name="topic"/>, for appending to an operator's file.</summary>
    public static string FormatLine(string topic, string? parent, IEnumerable<string> aliases) =>
        string.Create(CultureInfo.InvariantCulture, $"{topic}\t{parent}\t{string.Join(',', aliases)}");
}
