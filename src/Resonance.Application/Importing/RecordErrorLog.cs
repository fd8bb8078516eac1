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
