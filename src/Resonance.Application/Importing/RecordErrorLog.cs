using Resonance.Domain;

namespace Resonance.Application.Importing;

/// <summary>What an import does with malformed records: stop at the first (strict) or count them and keep the first few (lenient).</summary>
internal sealed class RecordErrorLog(ImportOptions options)
{
    private readonly List<RecordError> _first = [];

    public long Count { get; private set; }

    /// <summary>The record that stopped a strict import, if one did.</summary>
    public RecordError? Failure { get; private set; }

    public IReadOnlyList<RecordError> First => _first;

    /// <summary>Notes a malformed record; returns false when the import must stop.</summary>
    public bool Add(RecordError error)
    {
        Count++;
        if (!options.Lenient)
        {
            Failure = error;
            return false;
        }
        if (_first.Count < options.MaxReportedErrors)
        {
            _first.Add(error);
        }
        return true;
    }
}

/// <summary>Counts the items readers skipped on purpose (<see cref="SourceRecord.Skip"/>), by what they were.</summary>
internal sealed class SkippedTally
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>The counts so far.</summary>
    public IReadOnlyDictionary<string, long> Counts => _counts;

    /// <summary>Counts <paramref name="record"/> when it is a skip note; returns whether it was.</summary>
    public bool Add(SourceRecord record)
    {
        if (record.Skipped is not { } what)
        {
            return false;
        }
        _counts[what] = _counts.GetValueOrDefault(what) + 1;
        return true;
    }
}
