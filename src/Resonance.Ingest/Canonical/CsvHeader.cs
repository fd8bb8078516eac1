using nietras.SeparatedValues;
using Resonance.Domain;

namespace Resonance.Ingest.Canonical;

/// <summary>The header row of a canonical CSV file: which field each column holds and so which record type the rows are.</summary>
internal sealed class CsvHeader
{
    private CsvHeader(IReadOnlyList<CanonicalField> columns, CanonicalType type, RecordError? error)
    {
        Columns = columns;
        Type = type;
        Error = error;
    }

    /// <summary>The field of each column, in file order.</summary>
    public IReadOnlyList<CanonicalField> Columns { get; }

    /// <summary>The record type of every row.</summary>
    public CanonicalType Type { get; }

    /// <summary>Why the header is unusable; null when it is fine.</summary>
    public RecordError? Error { get; }

    /// <summary>Reads the header: every column must be a known field of one record type, with no repeats and every required column present.</summary>
    /// <remarks>The type is the one whose columns include all of the header's (accounts and posts share <c>id</c>; posts require <c>author</c>).</remarks>
    public static CsvHeader Parse(SepReader.Row row, string file, string? defaultNetwork)
    {
        var columns = new List<CanonicalField>(row.ColCount);
        var text = row.Span;
        for (var i = 0; i < row.ColCount; i++)
        {
            var raw = row[i].Span;
            if (CsvCells.TryUnescape(raw, out var name) is { } problem)
            {
                return Fail(file, null, $"header column {i + 1} {problem}", raw);
            }
            if (!CanonicalSchema.TryParse(name.Trim(), out var field) || field == CanonicalField.Type)
            {
                return Fail(file, name, "is not a column of the canonical CSV format", text);
            }
            if (columns.Contains(field))
            {
                return Fail(file, name, "appears more than once in the header", text);
            }
            columns.Add(field);
        }
        CanonicalField? missing = null;
        var missingType = CanonicalType.Account;
        foreach (var type in CanonicalSchema.Types)
        {
            if (!columns.TrueForAll(c => CanonicalSchema.Allows(type, c)))
            {
                continue;
            }
            var firstMissing = FirstMissing(columns, type, defaultNetwork);
            if (firstMissing is null)
            {
                return new CsvHeader(columns, type, null);
            }
            if (missing is null)
            {
                (missing, missingType) = (firstMissing, type);
            }
        }
        if (missing is not { } absent)
        {
            return Fail(file, null, "header mixes columns of different record types; see docs/data-formats.md for each type's columns", text);
        }
        var message = absent == CanonicalField.Network
            ? "column is required unless --network is given"
            : $"column is required for {CanonicalSchema.TypeName(missingType)} rows";
        return Fail(file, CanonicalSchema.Name(absent), message, text);
    }

    private static CanonicalField? FirstMissing(List<CanonicalField> columns, CanonicalType type, string? defaultNetwork)
    {
        foreach (var field in CanonicalSchema.Fields(type))
        {
            if (!columns.Contains(field) && CanonicalSchema.Requires(type, field) && !(field == CanonicalField.Network && defaultNetwork is not null))
            {
                return field;
            }
        }
        return null;
    }

    private static CsvHeader Fail(string file, string? field, string message, ReadOnlySpan<char> text) =>
        new([], default, RecordError.At(file, 1, field, message, text));
}
