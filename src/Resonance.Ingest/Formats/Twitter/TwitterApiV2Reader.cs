using System.Text.Json;
using Resonance.Domain;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Formats.Twitter;

/// <summary>Reads Twitter API v2 responses: twarc2 JSON Lines (one response page per line) or single response files.</summary>
/// <remarks>
/// A file whose first value ends on its first non-blank line is JSON Lines: every line is one value, and a line that
/// is not complete, valid JSON is an error at that line (reading goes on with the next). A file whose first value
/// spans several lines (a pretty-printed response, a recorded HTTP exchange) is read as one JSON document; it is held
/// in memory whole, which suits single responses, not bulk data. Each value is parsed by <see cref="ApiV2PageParser"/>
/// and mapped by <see cref="ApiV2Records"/>; records carry the line the value starts on. A path may be a folder:
/// its <c>.json</c> and <c>.jsonl</c> files (also gzip-compressed, <c>.gz</c>) are read in name order, recursively.
/// See docs/data-formats.md.
/// </remarks>
public sealed class TwitterApiV2Reader : IPathRecordReader
{
    private static readonly string[] Extensions = [".json", ".jsonl", ".json.gz", ".jsonl.gz"];

    public string Format => "twitter-api-v2";

    public string Description => "Twitter API v2 responses with includes: twarc2 JSONL pages or single response .json files (or a folder of them).";

    public string? Validate(ReaderOptions options) => ReaderOptionChecks.NetworkOnly(Format, options);

    public IEnumerable<SourceRecord> Read(TextReader input, string file, ReaderOptions options) =>
        Read(input, file, options, new ReadProgress());

    public long InputLength(string path) => Files(path).Sum(f => new FileInfo(f).Length);

    public IEnumerable<SourceRecord> ReadPath(string path, ReaderOptions options, ReadProgress progress)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(progress);
        return ReadFiles(path, options, progress);
    }

    private IEnumerable<SourceRecord> ReadFiles(string path, ReaderOptions options, ReadProgress progress)
    {
        long done = 0;
        foreach (var file in Files(path))
        {
            using var input = InputFiles.OpenText(file);
            foreach (var record in Read(input.Reader, file, options, progress))
            {
                progress.Set(done + input.Position);
                yield return record;
            }
            done += input.Length;
            progress.Set(done);
        }
    }

    private static IEnumerable<string> Files(string path) => Directory.Exists(path)
        ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
        : [path];

    /// <summary>Reads one text file, counting what cannot be mapped in <paramref name="progress"/>.</summary>
    public IEnumerable<SourceRecord> Read(TextReader input, string file, ReaderOptions options, ReadProgress progress)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        return ReadValues(input, file, options.Network ?? TwitterArchiveReader.DefaultNetwork, progress);
    }

    private static IEnumerable<SourceRecord> ReadValues(TextReader input, string file, string network, ReadProgress progress)
    {
        var lines = new LineReader(input);
        var bytes = new Utf8Buffer();
        var pool = new StringPool();
        var page = new ApiV2PageParser(pool);
        var mapper = new ApiV2Records();
        var output = new List<SourceRecord>();
        long documentStart = 0;
        while (lines.MoveNext())
        {
            var line = lines.Line;
            if (documentStart > 0)
            {
                bytes.Append("\n");
                bytes.Append(line);
                continue;
            }
            if (Fields.IsBlank(line))
            {
                continue;
            }
            var json = bytes.Encode(line);
            if (documentStart == 0 && EndsInsideValue(json))
            {
                documentStart = lines.LineNumber;
                continue;
            }
            documentStart = -1;
            Parse(json, line, file, lines.LineNumber, network, page, mapper, output, progress);
            foreach (var record in output)
            {
                yield return record;
            }
            output.Clear();
        }
        if (documentStart > 0)
        {
            Parse(bytes.Span, [], file, documentStart, network, page, mapper, output, progress);
            foreach (var record in output)
            {
                yield return record;
            }
        }
    }

    private static void Parse(
        ReadOnlySpan<byte> json, ReadOnlySpan<char> text, string file, long line, string network,
        ApiV2PageParser page, ApiV2Records mapper, List<SourceRecord> output, ReadProgress progress)
    {
        RecordError? error;
        try
        {
            page.Parse(json);
            error = mapper.Add(page, network, file, line, output, progress);
        }
        catch (JsonException ex)
        {
            error = RecordError.At(file, line + (ex.LineNumber ?? 0), null,
                $"is not valid JSON (at byte {ex.BytePositionInLine + 1})", text.IsEmpty ? TwitterJson.Excerpt(json) : text);
        }
        catch (TwitterFieldException ex)
        {
            error = RecordError.At(file, line, ex.Field, ex.Message, text.IsEmpty ? TwitterJson.Excerpt(json) : text);
        }
        if (error is not null)
        {
            output.Clear();
            output.Add(SourceRecord.Of(error));
        }
    }

    /// <summary>True when <paramref name="json"/> is the valid start of a value that goes on after its end (a pretty-printed document).</summary>
    private static bool EndsInsideValue(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, default);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    return false;
                }
            }
            return reader.CurrentDepth > 0 || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
