namespace Resonance.Ingest.Text;

/// <summary>Reads physical lines from a <see cref="TextReader"/> into a reused buffer, without a string per line.</summary>
/// <remarks>
/// A line ends at <c>\n</c>; one trailing <c>\r</c> is dropped, so both LF and CRLF files work. The last line
/// needs no terminator. <see cref="LineNumber"/> is 1-based and counts every physical line, blank ones included.
/// The span returned by <see cref="Line"/> is valid only until the next <see cref="MoveNext"/>.
/// </remarks>
internal sealed class LineReader
{
    private const int DefaultBufferLength = 1 << 16;

    private readonly TextReader input;
    private char[] buffer;
    private int dataStart;
    private int dataEnd;
    private int lineStart;
    private int lineLength;
    private bool endOfInput;

    /// <summary>Creates a reader; <paramref name="bufferLength"/> is the initial buffer size (it grows for longer lines).</summary>
    public LineReader(TextReader input, int bufferLength = DefaultBufferLength)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferLength, 1);
        this.input = input;
        buffer = new char[bufferLength];
    }

    /// <summary>1-based number of the current line; 0 before the first <see cref="MoveNext"/>.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The current line without its terminator.</summary>
    public ReadOnlySpan<char> Line => buffer.AsSpan(lineStart, lineLength);

    /// <summary>Advances to the next line; false at the end of the input.</summary>
    public bool MoveNext()
    {
        var searched = 0;
        while (true)
        {
            var newline = buffer.AsSpan(dataStart + searched, dataEnd - dataStart - searched).IndexOf('\n');
            if (newline >= 0)
            {
                SetLine(dataStart, searched + newline);
                dataStart += searched + newline + 1;
                return true;
            }
            searched = dataEnd - dataStart;
            if (endOfInput)
            {
                if (searched == 0)
                {
                    lineLength = 0;
                    return false;
                }
                SetLine(dataStart, searched);
                dataStart = dataEnd;
                return true;
            }
            Fill();
        }
    }

    private void SetLine(int start, int length)
    {
        if (length > 0 && buffer[start + length - 1] == '\r')
        {
            length--;
        }
        lineStart = start;
        lineLength = length;
        LineNumber++;
    }

    private void Fill()
    {
        var pending = dataEnd - dataStart;
        if (pending == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }
        else if (dataStart > 0)
        {
            buffer.AsSpan(dataStart, pending).CopyTo(buffer);
        }
        dataStart = 0;
        dataEnd = pending;
        var read = input.Read(buffer, dataEnd, buffer.Length - dataEnd);
        if (read == 0)
        {
            endOfInput = true;
        }
        dataEnd += read;
    }
}
