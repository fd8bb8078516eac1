using Resonance.Domain;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>The shared shell of the JSON Bluesky readers: options, the default network, and the <see cref="JsonMessages"/> loop.</summary>
public abstract class BlueskyJsonReader : IRecordReader
{
    public abstract string Format { get; }

    public abstract string Description { get; }

    /// <summary>Whether a file holding one pretty-printed message is accepted besides JSON Lines.</summary>
    private protected abstract bool AllowPrettyDocument { get; }

    public string? Validate(ReaderOptions options) => ReaderOptionChecks.NetworkOnly(Format, options);

    public IEnumerable<SourceRecord> Read(TextReader input, string file, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var network = options.Network ?? BlueskyRecordMapper.DefaultNetwork;
        var mapper = new BlueskyRecordMapper(network, file);
        return JsonMessages.Read(input, file, CreateMapper(network, mapper), AllowPrettyDocument);
    }

    /// <summary>The mapping of one read's messages (it may keep state across the read's lines): each message is the
    /// UTF-8 bytes of its JSON, and a malformed one throws <see cref="System.Text.Json.JsonException"/> or
    /// <see cref="DataModelException"/>.</summary>
    private protected abstract JsonMessages.Mapper CreateMapper(string network, BlueskyRecordMapper mapper);
}
