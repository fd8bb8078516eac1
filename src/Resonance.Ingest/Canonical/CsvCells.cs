using System.Text;

namespace Resonance.Ingest.Canonical;

/// <summary>Strict RFC 4180 unescaping of one raw CSV cell.</summary>
internal static class CsvCells
{
    /// <summary>
    /// Unescapes <paramref name="raw"/>: a quoted cell loses its outer quotes and has doubled quotes halved; an unquoted
    /// cell is taken as is. Returns the problem when the cell is malformed (a quote inside an unquoted cell, text after
    /// the closing quote, or no closing quote).
    /// </summary>
    public static string? TryUnescape(ReadOnlySpan<char> raw, out string value)
    {
        value = "";
        if (raw.IsEmpty || raw[0] != '"')
        {
            if (raw.Contains('"'))
            {
                return "has a quote inside an unquoted value; quote the whole value and double inner quotes";
            }
            value = raw.ToString();
            return null;
        }
        var builder = new StringBuilder(raw.Length);
        var i = 1;
        while (i < raw.Length)
        {
            var quote = raw[i..].IndexOf('"');
            if (quote < 0)
            {
                break;
            }
            builder.Append(raw.Slice(i, quote));
            i += quote + 1;
            if (i == raw.Length)
            {
                value = builder.ToString();
                return null;
            }
            if (raw[i] != '"')
            {
                return "has text after its closing quote";
            }
            builder.Append('"');
            i++;
        }
        return "has no closing quote";
    }
}
