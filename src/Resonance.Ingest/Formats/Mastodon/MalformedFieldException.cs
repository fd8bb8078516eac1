namespace Resonance.Ingest.Formats.Mastodon;

/// <summary>A field of a Mastodon or Activity Streams object is missing or malformed.</summary>
/// <remarks>Thrown inside the mapping of one object and caught by <see cref="MastodonRecordBuilder"/>, which turns it into
/// a <see cref="Domain.RecordError"/> and drops that object's records; it never leaves the reader.</remarks>
internal sealed class MalformedFieldException(string field, string problem, string text) : Exception(problem)
{
    /// <summary>The field's path inside the response, for example <c>reblog.account.acct</c>.</summary>
    public string Field { get; } = field;

    /// <summary>The offending JSON text.</summary>
    public string Text { get; } = text;
}
