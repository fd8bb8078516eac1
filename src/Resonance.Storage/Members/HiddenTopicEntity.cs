namespace Resonance.Storage.Members;

/// <summary>A topic the holder of an account hid (rejected): never shown for that account, and kept, with the terms that
/// had matched, as feedback for the topic extractor.</summary>
public sealed class HiddenTopicEntity
{
    public long AccountId { get; set; }
    public required string Topic { get; set; }
    /// <summary>The member who hid it (the account's verified holder at the time).</summary>
    public required string UserId { get; set; }
    /// <summary>The matched terms when it was hidden, separated by commas (no alias contains one).</summary>
    public required string Terms { get; set; }
    public long HiddenAtMs { get; set; }
}
