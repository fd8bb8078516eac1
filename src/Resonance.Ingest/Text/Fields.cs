namespace Resonance.Ingest.Text;

/// <summary>Splits a line into whitespace-separated fields (runs of spaces and tabs), without allocating.</summary>
internal static class Fields
{
    /// <summary>Stores up to <c>ranges.Length</c> field ranges and returns how many fields the line has in total.</summary>
    public static int Split(ReadOnlySpan<char> line, Span<Range> ranges)
    {
        var count = 0;
        var i = 0;
        while (true)
        {
            while (i < line.Length && IsSpace(line[i]))
            {
                i++;
            }
            if (i == line.Length)
            {
                return count;
            }
            var start = i;
            while (i < line.Length && !IsSpace(line[i]))
            {
                i++;
            }
            if (count < ranges.Length)
            {
                ranges[count] = new Range(start, i);
            }
            count++;
        }
    }

    /// <summary>True for a line that is empty or holds only spaces and tabs.</summary>
    public static bool IsBlank(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (!IsSpace(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True for a non-empty span of ASCII digits.</summary>
    public static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    private static bool IsSpace(char c) => c is ' ' or '\t';
}
