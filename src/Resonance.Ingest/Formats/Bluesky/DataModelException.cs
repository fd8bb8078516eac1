namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>A value breaks the AT Protocol data model (bad DAG-CBOR, a float, a wrong type): one malformed record, not an I/O failure.</summary>
/// <param name="field">The field at fault, or null when the whole value is.</param>
/// <param name="message">What is wrong, as a short clause.</param>
internal sealed class DataModelException(string? field, string message) : Exception(message)
{
    /// <summary>The field at fault, or null.</summary>
    public string? Field { get; } = field;
}
