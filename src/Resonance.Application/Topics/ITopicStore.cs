namespace Resonance.Application.Topics;

/// <summary>Where topic extraction and topic scoring read posts and interactions from (the same tables as scoring; no
/// topic is stored).</summary>
public interface ITopicStore
{
    /// <summary>Interactions with a time in [<paramref name="fromMs"/>, <paramref name="toMs"/>] or none, each with the
    /// post it was on, and every post created up to <paramref name="toMs"/> (engagement in the window may be on an older
    /// post), for one network or all. Throws <see cref="ArgumentException"/> for an unknown network.</summary>
    Task<TopicCorpus> LoadTopicCorpusAsync(string? network, long fromMs, long toMs, CancellationToken ct = default);
}
