namespace Resonance.Application.Topics;

/// <summary>One topic of the taxonomy: its name, its parent (or null for a root) and what marks a post as about it.</summary>
/// <param name="Name">Lower-case name, for example <c>web-development</c>.</param>
/// <param name="Parent">The broader topic, or null.</param>
/// <param name="Hashtags">Hashtags without '#', lower case.</param>
/// <param name="Cashtags">Cashtags without '$', lower case.</param>
/// <param name="Keywords">Keywords and phrases as written in the file (matched after stemming).</param>
public sealed record TopicDefinition(string Name, string? Parent, IReadOnlyList<string> Hashtags, IReadOnlyList<string> Cashtags,
    IReadOnlyList<string> Keywords);
