using Resonance.Application.Importing;
using Resonance.Ingest;

namespace Resonance.Storage.Tests;

/// <summary>Import sources built from real files or inline text with the real readers.</summary>
internal static class Sources
{
    public static ImportSource File(string path, string format, ReaderOptions? options = null)
    {
        var reader = RecordReaders.Get(format);
        return new ImportSource(path, Read(), () => 0, new FileInfo(path).Length);

        IEnumerable<Domain.SourceRecord> Read()
        {
            using var file = InputFiles.OpenText(path);
            foreach (var r in reader.Read(file.Reader, path, options ?? new ReaderOptions()))
            {
                yield return r;
            }
        }
    }

    public static ImportSource Text(string name, string text, string format, ReaderOptions? options = null) =>
        new(name, RecordReaders.Get(format).Read(new StringReader(text), name, options ?? new ReaderOptions()), () => 0, text.Length);
}
