using Resonance.Ingest.Text;

namespace Resonance.Ingest.Tests.Text;

public class LineReaderTests
{
    private static List<(long Number, string Text)> Lines(string text, int bufferLength)
    {
        var reader = new LineReader(new StringReader(text), bufferLength);
        var lines = new List<(long, string)>();
        while (reader.MoveNext())
        {
            lines.Add((reader.LineNumber, reader.Line.ToString()));
        }
        return lines;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(65536)]
    public void LineReader_MixedTerminators_SplitsLikeReadLineForLfAndCrlf(int bufferLength)
    {
        var lines = Lines("alpha\r\nbeta\n\ngamma-is-longer-than-the-buffer\r\nlast", bufferLength);

        Assert.Equal([(1, "alpha"), (2, "beta"), (3, ""), (4, "gamma-is-longer-than-the-buffer"), (5, "last")], lines);
    }

    [Fact]
    public void LineReader_TrailingNewline_AddsNoEmptyLine()
    {
        Assert.Equal([(1L, "a"), (2L, "b")], Lines("a\nb\n", 2));
    }

    [Fact]
    public void LineReader_EmptyInput_HasNoLines()
    {
        Assert.Empty(Lines("", 4));
    }

    [Fact]
    public void LineReader_ManyLinesThroughSmallBuffer_MatchesStringReaderReadLine()
    {
        var random = new Random(20240501);
        var text = string.Join("\n", Enumerable.Range(0, 2000).Select(i => new string((char)('a' + i % 26), random.Next(0, 40))));
        var expected = new List<string>();
        using (var reader = new StringReader(text))
        {
            while (reader.ReadLine() is { } line)
            {
                expected.Add(line);
            }
        }

        var actual = Lines(text, 7).Select(l => l.Text).ToList();

        Assert.Equal(expected, actual);
    }
}
