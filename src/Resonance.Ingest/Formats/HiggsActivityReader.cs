using System.Globalization;
using Resonance.Domain;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Formats;

/// <summary>Reads SNAP's <c>higgs-activity_time.txt</c>: one timed retweet, mention or reply per line.</summary>
/// <remarks>
/// Each line is <c>userA userB unixtime RT|MT|RE</c>, fields separated by spaces or tabs; userA acted on userB.
/// RT becomes <see cref="InteractionKind.Repost"/>, MT <see cref="InteractionKind.Mention"/>, RE <see cref="InteractionKind.Reply"/>.
/// User ids must be digits; blank lines are skipped. Parsing is span-based with one pooled string per distinct
/// id, because this format is the bulk path (hundreds of thousands of lines per second matter).
/// See docs/data-formats.md.
/// </remarks>
public sealed class HiggsActivityReader : IRecordReader
{
    /// <summary>Network used when <c>--network</c> is not given.</summary>
    public const string DefaultNetwork = "higgs";

    public string Format => "higgs-activity";

    public string Description => "SNAP higgs-activity_time.txt: 'userA userB unixtime RT|MT|RE' per line (A acted on B).";

    public string? Validate(ReaderOptions options) => ReaderOptionChecks.NetworkOnly(Format, options);

    public IEnumerable<SourceRecord> Read(TextReader input, string file, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        return ReadLines(input, file, options.Network ?? DefaultNetwork);
    }

    private static IEnumerable<SourceRecord> ReadLines(TextReader input, string file, string network)
    {
        var lines = new LineReader(input);
        var ids = new StringPool();
        var ranges = new Range[4];
        while (lines.MoveNext())
        {
            if (TryParse(lines.Line, lines.LineNumber, file, network, ids, ranges, out var record))
            {
                yield return record;
            }
        }
    }

    private static bool TryParse(
        ReadOnlySpan<char> line, long number, string file, string network, StringPool ids, Span<Range> ranges, out SourceRecord record)
    {
        var count = Fields.Split(line, ranges);
        if (count == 0)
        {
            record = default;
            return false;
        }
        record = count != 4
            ? Error(file, number, null, $"expected 4 fields 'userA userB timestamp type', found {count}", line)
            : Parse(line[ranges[0]], line[ranges[1]], line[ranges[2]], line[ranges[3]], number, file, network, ids);
        return true;
    }

    private static SourceRecord Parse(
        ReadOnlySpan<char> actor, ReadOnlySpan<char> target, ReadOnlySpan<char> timestamp, ReadOnlySpan<char> type,
        long number, string file, string network, StringPool ids)
    {
        if (!Fields.IsDigits(actor))
        {
            return Error(file, number, "userA", "must be a non-negative integer user id", actor);
        }
        if (!Fields.IsDigits(target))
        {
            return Error(file, number, "userB", "must be a non-negative integer user id", target);
        }
        if (!long.TryParse(timestamp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            || !UnixTime.TryFromSeconds(seconds, out var time))
        {
            return Error(file, number, "timestamp", "must be whole Unix seconds between years 1 and 9999", timestamp);
        }
        InteractionKind kind;
        if (type.SequenceEqual("RT"))
        {
            kind = InteractionKind.Repost;
        }
        else if (type.SequenceEqual("MT"))
        {
            kind = InteractionKind.Mention;
        }
        else if (type.SequenceEqual("RE"))
        {
            kind = InteractionKind.Reply;
        }
        else
        {
            return Error(file, number, "type", "must be RT, MT or RE", type);
        }
        return SourceRecord.Of(number, new Interaction(network, time, ids.Get(actor), ids.Get(target), kind));
    }

    private static SourceRecord Error(string file, long line, string? field, string message, ReadOnlySpan<char> text) =>
        SourceRecord.Of(RecordError.At(file, line, field, message, text));
}
