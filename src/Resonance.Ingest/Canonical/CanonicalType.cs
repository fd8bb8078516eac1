namespace Resonance.Ingest.Canonical;

/// <summary>The record types of the canonical formats.</summary>
internal enum CanonicalType
{
    Account,
    Post,
    Interaction,
}
