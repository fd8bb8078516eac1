using System.Globalization;
using Resonance.Domain;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Formats;

/// <summary>Reads whitespace-separated edge lists (<c>src dst [weight]</c>), the SNAP and networkx text format.</summary>
/// <remarks>
/// src acted on dst. The file says nothing about what the edges mean or where they come from, so <c>--kind</c> and
/// <c>--network</c> are both required. Edges are untimed (<see cref="Interaction.OccurredAt"/> is null). Lines starting
/// with <c>#</c> or <c>%</c> (after optional whitespace) and blank lines are skipped. Ids are any non-whitespace tokens;
/// the optional weight is a finite positive number in invariant culture (default 1). See docs/data-formats.md.
/// </remarks>
public sealed class EdgeListReader : IRecordReader
{
    public string Format => "edgelist";

    public string Description => "Whitespace-separated 'src dst [weight]' lines (src acted on dst); needs --kind and --network.";

    public string? Validate(ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Kind is null)
        {
            return $"format '{Format}' needs --kind ({InteractionKinds.Names}): an edge list does not say what its edges mean";
        }
        return options.Network is null
            ? $"format '{Format}' needs --network: an edge list does not say which network it comes from"
            : NetworkName.Problem(options.Network);
    }

    public IEnumerable<SourceRecord> Read(TextReader input, string file, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problem = Validate(options);
        if (problem is not null)
        {
            throw new ArgumentException($"Cannot read '{file}': {problem}.", nameof(options));
        }
        return ReadLines(input, file, options.Network!, options.Kind!.Value);
    }

    private static IEnumerable<SourceRecord> ReadLines(TextReader input, string file, string network, InteractionKind kind)
    {
        var lines = new LineReader(input);
        var ids = new StringPool();
        var ranges = new Range[3];
        while (lines.MoveNext())
        {
            if (TryParse(lines.Line, lines.LineNumber, file, network, kind, ids, ranges, out var record))
            {
                yield return record;
            }
        }
    }

    private static bool TryParse(
        ReadOnlySpan<char> line, long number, string file, string network, InteractionKind kind, StringPool ids, Span<Range> ranges,
        out SourceRecord record)
    {
        var count = Fields.Split(line, ranges);
        if (count == 0 || line[ranges[0]][0] is '#' or '%')
        {
            record = default;
            return false;
        }
        if (count is < 2 or > 3)
        {
            record = SourceRecord.Of(RecordError.At(file, number, null, $"expected 2 or 3 fields 'src dst [weight]', found {count}", line));
            return true;
        }
        var weight = 1.0;
        if (count == 3)
        {
            var text = line[ranges[2]];
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !double.IsFinite(weight) || weight <= 0)
            {
                record = SourceRecord.Of(RecordError.At(file, number, "weight", "must be a finite number greater than 0", text));
                return true;
            }
        }
        var interaction = new Interaction(network, null, ids.Get(line[ranges[0]]), ids.Get(line[ranges[1]]), kind, Weight: weight);
        record = SourceRecord.Of(number, interaction);
        return true;
    }
}
