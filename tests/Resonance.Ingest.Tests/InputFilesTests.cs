using System.IO.Compression;
using System.Text;

namespace Resonance.Ingest.Tests;

public class InputFilesTests
{
    private const string Text = "1 2 1341100972 RT\n3 4 1341100973 MT\nünïcode line\n";

    [Fact]
    public void OpenText_PlainFile_ReadsTextAndReportsFullPosition()
    {
        using var folder = Records.TempFolder();
        var path = folder.File("plain.txt");
        File.WriteAllText(path, Text, new UTF8Encoding(false));

        using var input = InputFiles.OpenText(path);
        var read = input.Reader.ReadToEnd();

        Assert.Equal(Text, read);
        Assert.False(input.IsGzip);
        Assert.Equal(new FileInfo(path).Length, input.Length);
        Assert.Equal(input.Length, input.Position);
    }

    [Fact]
    public void OpenText_GzipFileWithoutGzExtension_DecompressesByMagicBytes()
    {
        using var folder = Records.TempFolder();
        var path = folder.File("compressed.data");
        WriteGzip(path, Text);

        using var input = InputFiles.OpenText(path);

        Assert.True(input.IsGzip);
        Assert.Equal(Text, input.Reader.ReadToEnd());
        Assert.Equal(new FileInfo(path).Length, input.Length);
        Assert.Equal(input.Length, input.Position);
    }

    [Fact]
    public void OpenText_BeforeReading_PositionIsZero()
    {
        using var folder = Records.TempFolder();
        var path = folder.File("plain.txt");
        File.WriteAllText(path, Text);

        using var input = InputFiles.OpenText(path);

        Assert.Equal(0, input.Position);
    }

    [Fact]
    public void OpenText_Utf8Bom_IsSkipped()
    {
        using var folder = Records.TempFolder();
        var path = folder.File("bom.txt");
        File.WriteAllText(path, "a b\n", new UTF8Encoding(true));

        using var input = InputFiles.OpenText(path);

        Assert.Equal("a b\n", input.Reader.ReadToEnd());
    }

    [Fact]
    public void OpenText_MissingFile_ThrowsFileNotFoundNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "resonance-no-such-file-" + Guid.NewGuid().ToString("N") + ".txt");

        var ex = Assert.Throws<FileNotFoundException>(() => InputFiles.OpenText(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Equal(path, ex.FileName);
    }

    [Fact]
    public void OpenText_TruncatedGzip_ThrowsWhileReading()
    {
        using var folder = Records.TempFolder();
        var path = folder.File("cut.gz");
        WriteGzip(path, string.Concat(Enumerable.Repeat(Text, 2000)));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        using var input = InputFiles.OpenText(path);

        var ex = Assert.Throws<InvalidDataException>(() => input.Reader.ReadToEnd());
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenText_GzipCutAtEveryTailLength_NeverReadsSilently()
    {
        using var folder = Records.TempFolder();
        var path = folder.File("tail.gz");
        WriteGzip(path, string.Concat(Enumerable.Range(0, 500).Select(i => $"{i} {i * 7 % 13} {1341100972 + i} RT\n")));
        var bytes = File.ReadAllBytes(path);

        for (var cut = 1; cut <= 12; cut++)
        {
            File.WriteAllBytes(path, bytes[..^cut]);
            using var input = InputFiles.OpenText(path);
            Assert.Throws<InvalidDataException>(() => input.Reader.ReadToEnd());
        }
    }

    internal static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        var bytes = new UTF8Encoding(false).GetBytes(text);
        gzip.Write(bytes);
    }
}
