using System.Net;
using System.Text;

namespace Resonance.Ingest.Formats.Mastodon;

/// <summary>Turns the sanitised HTML of a Mastodon status (<c>content</c>) into plain text.</summary>
/// <remarks>
/// Tags are removed (quoted attribute values may contain <c>&gt;</c>); <c>&lt;br&gt;</c> becomes a line break and each
/// paragraph after the first starts after a blank line; entities are decoded with <see cref="WebUtility.HtmlDecode(string)"/>
/// after the tags are gone, so <c>&amp;lt;b&amp;gt;</c> stays the text <c>&lt;b&gt;</c>. Mastodon's hidden link parts
/// (<c>&lt;span class="invisible"&gt;https://&lt;/span&gt;</c>) are text like any other, so links come out whole.
/// </remarks>
internal static class HtmlText
{
    /// <summary>The plain text, trimmed; null when there is none.</summary>
    public static string? ToPlain(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return null;
        }
        if (!html.Contains('<') && !html.Contains('&'))
        {
            return html.Trim() is { Length: > 0 } plain ? plain : null;
        }
        var text = new StringBuilder(html.Length);
        var paragraphEnded = false;
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            var chunk = open < 0 ? html.AsSpan(i) : html.AsSpan(i, open - i);
            if (!chunk.IsEmpty)
            {
                if (paragraphEnded && text.Length > 0)
                {
                    text.Append("\n\n");
                }
                paragraphEnded = false;
                text.Append(chunk);
            }
            if (open < 0)
            {
                break;
            }
            var close = TagEnd(html, open + 1);
            var name = TagName(html.AsSpan(open + 1, close - open - 1));
            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                text.Append('\n');
            }
            else if (name.Equals("/p", StringComparison.OrdinalIgnoreCase))
            {
                paragraphEnded = true;
            }
            i = close + 1;
        }
        var decoded = WebUtility.HtmlDecode(text.ToString()).Trim();
        return decoded.Length > 0 ? decoded : null;
    }

    /// <summary>Index of the <c>&gt;</c> closing the tag that starts before <paramref name="from"/>, skipping quoted
    /// attribute values; the last index when the tag is never closed.</summary>
    private static int TagEnd(string html, int from)
    {
        var quote = '\0';
        for (var j = from; j < html.Length; j++)
        {
            var c = html[j];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return j;
            }
        }
        return html.Length - 1;
    }

    /// <summary>The tag's name with a leading '/' for closing tags: <c>br</c> from <c>br /</c>, <c>/p</c> from <c>/p</c>.</summary>
    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> tag)
    {
        var nameEnd = tag.IndexOfAny(" \t\r\n/>".AsSpan());
        if (nameEnd == 0 && tag.Length > 0 && tag[0] == '/')
        {
            var rest = tag[1..].IndexOfAny(" \t\r\n/>".AsSpan());
            nameEnd = rest < 0 ? tag.Length : rest + 1;
        }
        return nameEnd < 0 ? tag : tag[..nameEnd];
    }
}
