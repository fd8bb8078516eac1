using System.Globalization;
using System.Text;
using Resonance.Engine.Randomness;

namespace Resonance.Application.Synthetic;

/// <summary>Builds post texts and their hashtag lists from the vocabulary; each text is a pure function of the post serial.</summary>
/// <remarks>
/// Humans write from their post's topic (opener, keyword, closer, optional second sentence, 0–3 topic hashtags). Bots fill
/// their campaign's template, changing only a number and now and then the item, which yields near-duplicates across bots.
/// Farm accounts post follow-back pleas. Hashtags are always read back from the finished text, so the list matches it.
/// One instance per enumeration (it reuses a string builder).
/// </remarks>
internal sealed class SyntheticText(SyntheticPopulation pop, ulong seed)
{
    private readonly StringBuilder _sb = new(160);

    public string Original(long serial, int author, int topic, int mention)
    {
        var rng = Stream(serial);
        _sb.Clear();
        switch (pop.Roles[author])
        {
            case SyntheticRole.Bot:
                if (mention >= 0)
                {
                    _sb.Append(pop.Handles[mention]).Append(' ');
                }
                Fill(ref rng, SyntheticVocabulary.SpamTemplates[pop.Campaign[author]], author);
                break;
            case SyntheticRole.Farm:
                Fill(ref rng, SyntheticVocabulary.FarmTemplates[rng.NextInt(SyntheticVocabulary.FarmTemplates.Length)], author);
                break;
            default:
                var t = SyntheticVocabulary.Topics[topic];
                var niche = pop.Niches.NicheOf(serial, author, topic);
                var (keywords, hashtags) = niche >= 0 ? (SyntheticNiches.All[niche].Keywords, SyntheticNiches.All[niche].Hashtags) : (t.Keywords, t.Hashtags);
                var prefixMention = mention >= 0 && rng.NextInt(2) == 0;
                if (prefixMention)
                {
                    _sb.Append(pop.Handles[mention]).Append(' ');
                }
                _sb.Append(Pick(ref rng, SyntheticVocabulary.Openers)).Append(' ').Append(Pick(ref rng, keywords))
                    .Append(Pick(ref rng, SyntheticVocabulary.Closers));
                if (rng.NextInt(5) < 2)
                {
                    _sb.Append(" Also: ").Append(Pick(ref rng, keywords)).Append(Pick(ref rng, SyntheticVocabulary.Closers));
                }
                if (mention >= 0 && !prefixMention)
                {
                    _sb.Append(" cc ").Append(pop.Handles[mention]);
                }
                AppendHashtags(ref rng, hashtags, rng.NextInt(20) switch { < 7 => 0, < 14 => 1, < 18 => 2, _ => 3 });
                break;
        }
        return _sb.ToString();
    }

    public string Reply(long serial, int actor, int topic, int targetAuthor)
    {
        var rng = Stream(serial);
        _sb.Clear();
        _sb.Append(pop.Handles[targetAuthor]).Append(' ');
        if (pop.Roles[actor] == SyntheticRole.Bot)
        {
            Fill(ref rng, SyntheticVocabulary.SpamReplies[pop.Campaign[actor] % SyntheticVocabulary.SpamReplies.Length], actor);
            return _sb.ToString();
        }
        _sb.Append(Pick(ref rng, SyntheticVocabulary.ReplyOpeners)).Append(' ')
            .Append(topic >= 0 ? Pick(ref rng, SyntheticVocabulary.Topics[topic].Keywords) : "this").Append('.');
        if (topic >= 0 && rng.NextInt(10) == 0)
        {
            AppendHashtags(ref rng, SyntheticVocabulary.Topics[topic].Hashtags, 1);
        }
        return _sb.ToString();
    }

    public string Quote(long serial, int topic)
    {
        var rng = Stream(serial);
        _sb.Clear();
        _sb.Append(Pick(ref rng, SyntheticVocabulary.QuoteOpeners)).Append(' ')
            .Append(topic >= 0 ? Pick(ref rng, SyntheticVocabulary.Topics[topic].Keywords) : "this");
        if (topic >= 0 && rng.NextInt(2) == 0)
        {
            AppendHashtags(ref rng, SyntheticVocabulary.Topics[topic].Hashtags, 1);
        }
        return _sb.ToString();
    }

    /// <summary>Hashtags of a text, without '#', lower-cased, distinct, in order of first appearance.</summary>
    public static IReadOnlyList<string> Hashtags(string text)
    {
        List<string>? tags = null;
        for (var i = text.IndexOf('#'); i >= 0 && i < text.Length; i = text.IndexOf('#', i + 1))
        {
            var end = i + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }
            if (end > i + 1)
            {
                var tag = text[(i + 1)..end].ToLowerInvariant();
                tags ??= new List<string>(3);
                if (!tags.Contains(tag))
                {
                    tags.Add(tag);
                }
            }
        }
        return tags is null ? [] : tags;
    }

    private Xoshiro256StarStar Stream(long serial) => new(SplitMix64.Derive(seed, (ulong)serial));

    private void Fill(ref Xoshiro256StarStar rng, string template, int account)
    {
        // Near-duplicates: the item is the account's usual one most of the time, the number changes every time.
        var items = SyntheticVocabulary.SpamItems;
        var item = rng.NextInt(5) == 0 ? items[rng.NextInt(items.Length)] : items[account % items.Length];
        var number = rng.NextInt(10, 100).ToString(CultureInfo.InvariantCulture);
        _sb.Append(template).Replace("{item}", item).Replace("{n}", number);
        if (rng.NextInt(4) == 0)
        {
            _sb.Append(" !!");
        }
    }

    private void AppendHashtags(ref Xoshiro256StarStar rng, IReadOnlyList<string> tags, int count)
    {
        var first = rng.NextInt(tags.Count);
        for (var k = 0; k < count && k < tags.Count; k++)
        {
            _sb.Append(" #").Append(tags[(first + (k * 3)) % tags.Count]);
        }
    }

    private static string Pick(ref Xoshiro256StarStar rng, IReadOnlyList<string> items) => items[rng.NextInt(items.Count)];
}
