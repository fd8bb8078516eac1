using System.Globalization;
using Resonance.Domain;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Formats;

/// <summary>Reads URL adoption cascades (Hodas &amp; Lerman's Twitter 2010 set): one cascade per line, <c>user timestamp,</c> items.</summary>
/// <remarks>
/// Items are separated by <c>,</c> (the line's trailing comma is allowed) and are <c>user_id timestamp</c>, the
/// timestamp being Unix seconds as a float (<c>1.284967588e+9</c>) rounded to whole seconds; items are in time order.
/// Without the follower graph the only attributable source is the cascade's first adopter, so line N becomes one
/// <see cref="Post"/> <c>cascade-N</c> by the first adopter plus one <see cref="InteractionKind.Repost"/> of it by each
/// later adopter. A line is one record: if any item is malformed the line yields only that error, so a strict import
/// stops there and a lenient one skips the whole cascade. See docs/data-formats.md.
/// </remarks>
public sealed class UrlCascadesReader : IRecordReader
{
    /// <summary>Network used when <c>--network</c> is not given.</summary>
    public const string DefaultNetwork = "url-cascades";

    public string Format => "cascades";

    public string Description => "URL adoption cascades: one line per URL of 'user_id unix_seconds,' items; first adopter = originator.";

    public string? Validate(ReaderOptions options) => ReaderOptionChecks.NetworkOnly(Format, options);

    public IEnumerable<SourceRecord> Read(TextReader input, string file, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        return ReadLines(input, file, options.Network ?? DefaultNetwork);
    }

    /// <summary>The post id given to the cascade on a physical line.</summary>
    public static string PostId(long line) => string.Create(CultureInfo.InvariantCulture, $"cascade-{line}");

    private static IEnumerable<SourceRecord> ReadLines(TextReader input, string file, string network)
    {
        var lines = new LineReader(input);
        var ids = new StringPool();
        var adoptions = new List<(string User, DateTimeOffset Time)>();
        while (lines.MoveNext())
        {
            adoptions.Clear();
            var number = lines.LineNumber;
            var error = Parse(lines.Line, number, file, ids, adoptions);
            if (error is not null)
            {
                yield return SourceRecord.Of(error);
                continue;
            }
            if (adoptions.Count == 0)
            {
                continue;
            }
            var postId = PostId(number);
            var (originator, created) = adoptions[0];
            yield return SourceRecord.Of(number, new Post(network, postId, originator, created));
            for (var i = 1; i < adoptions.Count; i++)
            {
                var (user, time) = adoptions[i];
                yield return SourceRecord.Of(number, new Interaction(network, time, user, originator, InteractionKind.Repost, postId));
            }
        }
    }

    private static RecordError? Parse(ReadOnlySpan<char> line, long number, string file, StringPool ids, List<(string, DateTimeOffset)> adoptions)
    {
        Span<Range> fields = stackalloc Range[2];
        var previous = DateTimeOffset.MinValue;
        foreach (var itemRange in line.Split(','))
        {
            var item = line[itemRange];
            var count = Fields.Split(item, fields);
            if (count == 0)
            {
                continue;
            }
            if (count == 1)
            {
                return RecordError.At(file, number, "timestamp", "item has a user id but no timestamp", item);
            }
            if (count > 2)
            {
                return RecordError.At(file, number, null, $"item must be 'user_id timestamp', found {count} fields", item);
            }
            var stamp = item[fields[1]];
            if (!double.TryParse(stamp, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                || !(Math.Abs(seconds) < 1e15)
                || !UnixTime.TryFromSeconds((long)Math.Round(seconds, MidpointRounding.AwayFromZero), out var time))
            {
                return RecordError.At(file, number, "timestamp", "must be Unix seconds between years 1 and 9999", stamp);
            }
            if (time < previous)
            {
                return RecordError.At(file, number, "timestamp", "is earlier than the item before it; items must be in time order", item);
            }
            previous = time;
            adoptions.Add((ids.Get(item[fields[0]]), time));
        }
        return null;
    }
}
