using Resonance.Ingest.Canonical;
using Resonance.Ingest.Formats;
using Resonance.Ingest.Formats.Bluesky;
using Resonance.Ingest.Formats.Mastodon;
using Resonance.Ingest.Formats.Twitter;

namespace Resonance.Ingest;

/// <summary>The registry of input formats: every <see cref="IRecordReader"/>, looked up by its <c>--format</c> name.</summary>
public static class RecordReaders
{
    /// <summary>Every reader, in the order shown in help text.</summary>
    public static IReadOnlyList<IRecordReader> All { get; } =
    [
        new CanonicalJsonlReader(),
        new CanonicalCsvReader(),
        new EdgeListReader(),
        new HiggsActivityReader(),
        new UrlCascadesReader(),
        new BlueskyCarReader(),
        new FirehoseCommitReader(),
        new JetstreamReader(),
        new MastodonReader(),
        new TwitterArchiveReader(),
        new TwitterApiV2Reader(),
    ];

    /// <summary>The format names, comma separated, for help and error text.</summary>
    public static string Names => string.Join(", ", All.Select(r => r.Format));

    /// <summary>The reader for <paramref name="format"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No reader has that format name; the message lists the valid ones.</exception>
    public static IRecordReader Get(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        foreach (var reader in All)
        {
            if (string.Equals(reader.Format, format, StringComparison.OrdinalIgnoreCase))
            {
                return reader;
            }
        }
        throw new ArgumentException($"Unknown format '{format}'. Valid formats: {Names}.", nameof(format));
    }
}
