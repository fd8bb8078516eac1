namespace Resonance.Ingest.Canonical;

/// <summary>The fields of the canonical JSONL and CSV formats (one enum for both, so both validate alike).</summary>
internal enum CanonicalField
{
    Type,
    Network,
    Id,
    Handle,
    DisplayName,
    Author,
    Created,
    Text,
    Hashtags,
    ReplyTo,
    QuoteOf,
    RepostOf,
    Time,
    Actor,
    Target,
    Kind,
    Post,
    Weight,
}
