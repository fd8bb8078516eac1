using nietras.SeparatedValues;
using Resonance.Domain;
using Resonance.Ingest.Formats;

namespace Resonance.Ingest.Canonical;

/// <summary>Reads the canonical CSV format: RFC 4180 with a header row whose columns decide the record type.</summary>
/// <remarks>
/// Columns: interactions <c>network,time,actor,target,kind,post,weight</c>; accounts <c>network,id,handle,display_name</c>;
/// posts <c>network,id,author,created,text,hashtags,reply_to,quote_of,repost_of</c> (hashtags separated by spaces).
/// Columns may come in any order and optional ones may be left out; <c>network</c> may be left out when
/// <c>--network</c> is given. An empty cell means absent. Splitting uses Sep (which tracks physical line numbers
/// through quoted newlines); cells are unescaped here, strictly, so a stray quote is reported rather than guessed at.
/// Blank lines are skipped. See docs/data-formats.md.
/// </remarks>
public sealed class CanonicalCsvReader : IRecordReader
{
    public string Format => "csv";

    public string Description => "Canonical CSV with a header row; the columns say whether rows are accounts, posts or interactions.";

    public string? Validate(ReaderOptions options) => ReaderOptionChecks.NetworkOnly(Format, options);

    public IEnumerable<SourceRecord> Read(TextReader input, string file, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        return ReadRows(input, file, options.Network);
    }

    private static IEnumerable<SourceRecord> ReadRows(TextReader input, string file, string? defaultNetwork)
    {
        using var reader = Sep.Reader(o => o with
        {
            Sep = new Sep(','),
            HasHeader = false,
            Unescape = false,
            DisableColCountCheck = true,
        }).From(input);
        if (!reader.MoveNext())
        {
            yield break;
        }
        var header = CsvHeader.Parse(reader.Current, file, defaultNetwork);
        if (header.Error is not null)
        {
            yield return SourceRecord.Of(header.Error);
            yield break;
        }
        var builder = new CanonicalRecordBuilder();
        while (reader.MoveNext())
        {
            if (TryParseRow(reader.Current, header, file, defaultNetwork, builder, out var record))
            {
                yield return record;
            }
        }
    }

    private static bool TryParseRow(
        SepReader.Row row, CsvHeader header, string file, string? defaultNetwork, CanonicalRecordBuilder builder, out SourceRecord record)
    {
        var line = row.LineNumberFrom;
        if (row.ColCount == 1 && row[0].Span.Trim().IsEmpty)
        {
            record = default;
            return false;
        }
        builder.Clear();
        for (var i = 0; i < row.ColCount; i++)
        {
            var field = i < header.Columns.Count ? header.Columns[i] : (CanonicalField?)null;
            var raw = row[i].Span;
            if (CsvCells.TryUnescape(raw, out var value) is { } problem)
            {
                var lastLine = row.LineNumberToExcl - (row.Span.EndsWith('\n') ? 2 : 1);
                if (lastLine > line)
                {
                    // Sep pairs quotes wherever they are, so a stray quote can pull the following lines into this record.
                    problem += $"; lines {line}-{lastLine} were read as this one record";
                }
                var name = field is { } known ? CanonicalSchema.Name(known) : null;
                record = SourceRecord.Of(RecordError.At(file, line, name, problem, raw));
                return true;
            }
            if (field is not { } column || value.Length == 0)
            {
                continue;
            }
            if (column == CanonicalField.Hashtags)
            {
                builder.Hashtags.AddRange(value.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
            }
            else
            {
                builder[column] = value;
            }
        }
        if (row.ColCount != header.Columns.Count)
        {
            var message = $"expected {header.Columns.Count} fields as in the header, found {row.ColCount}";
            record = SourceRecord.Of(RecordError.At(file, line, null, message, row.Span));
            return true;
        }
        record = builder.Build(header.Type, file, line, defaultNetwork, row.Span);
        return true;
    }
}
