using System.Text.Json;
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
        return JsonMessages.Read(input, file, (e, line, output) => Map(e, line, network, mapper, output), AllowPrettyDocument);
    }

    /// <summary>Maps one message at <paramref name="line"/>; throws <see cref="DataModelException"/> for a malformed one.</summary>
    private protected abstract void Map(JsonElement message, long line, string network, BlueskyRecordMapper mapper, List<SourceRecord> output);
}
