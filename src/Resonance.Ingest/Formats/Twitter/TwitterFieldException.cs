namespace Resonance.Ingest.Formats.Twitter;

/// <summary>A malformed field inside one Twitter record; caught per record and turned into a <see cref="Domain.RecordError"/>.</summary>
/// <remarks>Thrown only for malformed input, which is rare, so the parsers stay straight-line code.</remarks>
internal sealed class TwitterFieldException(string field, string message) : Exception(message)
{
    /// <summary>The JSON field at fault, for example <c>created_at</c>.</summary>
    public string Field { get; } = field;
}
