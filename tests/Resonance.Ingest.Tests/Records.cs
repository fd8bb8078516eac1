using Resonance.Domain;

namespace Resonance.Ingest.Tests;

/// <summary>Helpers to run a reader over inline text and pick records apart.</summary>
internal static class Records
{
    public const string File = "in.txt";

    public static List<SourceRecord> Read(IRecordReader reader, string text, ReaderOptions? options = null) =>
        [.. reader.Read(new StringReader(text), File, options ?? new ReaderOptions())];

    public static List<RecordError> Errors(this IEnumerable<SourceRecord> records) =>
        [.. records.Where(r => r.Error is not null).Select(r => r.Error!)];

    public static List<Interaction> Interactions(this IEnumerable<SourceRecord> records) =>
        [.. records.Where(r => r.Interaction is not null).Select(r => r.Interaction!)];

    public static List<Post> Posts(this IEnumerable<SourceRecord> records) =>
        [.. records.Where(r => r.Post is not null).Select(r => r.Post!)];

    public static List<Account> Accounts(this IEnumerable<SourceRecord> records) =>
        [.. records.Where(r => r.Account is not null).Select(r => r.Account!)];

    /// <summary>The <see cref="SourceRecord.Skip"/> notes, counted by what was skipped.</summary>
    public static Dictionary<string, int> Skips(this IEnumerable<SourceRecord> records) =>
        records.Where(r => r.Skipped is not null).GroupBy(r => r.Skipped!).ToDictionary(g => g.Key, g => g.Count());

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    /// <summary>A temporary folder deleted on dispose.</summary>
    public static TempFolder TempFolder() => new();
}

internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "resonance-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
