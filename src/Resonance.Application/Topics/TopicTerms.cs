using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Resonance.Application.Topics;

/// <summary>The terms of a post's text: hashtags, cashtags and stemmed keyword tokens.</summary>
/// <param name="Hashtags">Hashtags without '#', lower case, distinct, in order of first appearance.</param>
/// <param name="Cashtags">Cashtags without '$', lower case, distinct, in order of first appearance.</param>
/// <param name="Tokens">Stemmed word tokens in text order, stop words removed (hashtags, mentions and links left out).</param>
public sealed record TopicTerms(IReadOnlyList<string> Hashtags, IReadOnlyList<string> Cashtags, IReadOnlyList<string> Tokens);

/// <summary>Tokenises post text for topic extraction.</summary>
/// <remarks>
/// <para>Steps: HTML entities decoded and tags dropped (Mastodon sends HTML); links and @mentions removed; hashtags
/// (<c>#</c> + letters, digits, '_', any script) and cashtags (<c>$</c> + 1–6 ASCII letters, then not a letter or digit,
/// so <c>$5</c> and <c>$HOME1</c> are not cashtags) taken out; the rest split into runs of letters, digits and inner
/// apostrophes, lower-cased (invariant), English stop words (<see cref="StopWords"/>) and one-character tokens dropped,
/// and each token stemmed with the Snowball English (Porter2) stemmer (<see cref="Stemmer"/>).</para>
/// <para>Complexity: O(length of text). Deterministic: no culture-sensitive operation.</para>
/// </remarks>
public static partial class TopicTokenizer
{
    /// <summary>Splits <paramref name="text"/> into hashtags, cashtags and stemmed tokens.</summary>
    public static TopicTerms Tokenize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new([], [], []);
        }

        // Each pass is skipped when the character it needs is absent: the same result, without a regex scan.
        var clean = WebUtility.HtmlDecode(text.Contains('<', StringComparison.Ordinal) ? HtmlTag().Replace(text, " ") : text);
        clean = clean.Contains("http", StringComparison.OrdinalIgnoreCase) || clean.Contains("www.", StringComparison.OrdinalIgnoreCase)
            ? Link().Replace(clean, " ") : clean;
        clean = clean.Contains('@', StringComparison.Ordinal) ? Mention().Replace(clean, " ") : clean;
        List<string> hashtags = [];
        if (clean.Contains('#', StringComparison.Ordinal) || clean.Contains('＃', StringComparison.Ordinal))
        {
            hashtags = Distinct(Hashtag().Matches(clean).Select(m => m.Groups[1].Value.ToLowerInvariant()));
            clean = Hashtag().Replace(clean, " ");
        }
        List<string> cashtags = [];
        if (clean.Contains('$', StringComparison.Ordinal))
        {
            cashtags = Distinct(Cashtag().Matches(clean).Select(m => m.Groups[1].Value.ToLowerInvariant()));
            clean = Cashtag().Replace(clean, " ");
        }
        return new(hashtags, cashtags, Words(clean));
    }

    /// <summary>The stemmed, stop-word-free tokens of a keyword or phrase (as <see cref="Tokenize"/> would give them).</summary>
    /// <remarks>A token is a run of letters, marks and decimal digits (Unicode categories L, M and Nd of each UTF-16 unit)
    /// with inner apostrophes, which are dropped: scanned by hand, as the regex <c>[\p{L}\p{M}\p{Nd}]+(?:'[\p{L}\p{M}\p{Nd}]+)*</c>
    /// would match, without its per-match allocations.</remarks>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var word = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            word.Clear();
            while (true)
            {
                while (i < text.Length && IsWordChar(text[i]))
                {
                    word.Append(text[i++]);
                }
                if (i + 1 < text.Length && text[i] == '\'' && IsWordChar(text[i + 1]))
                {
                    i++;
                    continue;
                }
                break;
            }

            var token = word.ToString().ToLowerInvariant();
            if (token.Length > 1 && !StopWords.Contains(token))
            {
                tokens.Add(Stemmer.Stem(token));
            }
        }

        return tokens;
    }

    private static bool IsWordChar(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber => true,
        _ => false,
    };

    private static List<string> Distinct(IEnumerable<string> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. items.Where(seen.Add)];
    }

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(?:https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w@])@[\w.@-]+")]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<![\w&#])[#＃]([\p{L}\p{M}\p{Nd}_]*[\p{L}\p{M}_][\p{L}\p{M}\p{Nd}_]*)")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"(?<![\w$])\$([A-Za-z]{1,6})(?![\w])")]
    private static partial Regex Cashtag();
}
