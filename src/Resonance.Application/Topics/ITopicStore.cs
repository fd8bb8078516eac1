namespace Resonance.Application.Topics;

/// <summary>Where topic extraction and topic scoring read posts and interactions from (the same tables as scoring).</summary>
public interface ITopicStore
{
    /// <summary>Interactions with a time in [<paramref name="fromMs"/>, <paramref name="toMs"/>] or none, each with the
    /// post it was on, and every post created up to <paramref name="toMs"/> (engagement in the window may be on an older
    /// post), for one network or all. Throws <see cref="ArgumentException"/> for an unknown network.</summary>
    /// <param name="network">One network, or null for all.</param>
    /// <param name="fromMs">Start of the window.</param>
    /// <param name="toMs">End of the window.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="onPostsOnly">True to leave out interactions on no post (follows, most mentions): topic scores and
    /// account topics never read them, so a run's topic step loads less.</param>
    /// <param name="storedWith">A taxonomy: each post whose stored extraction came from it (<see cref="IPostTopicStore"/>) comes
    /// with that extraction (<see cref="TopicPost.Stored"/>) and without its text; other posts come with their text. Null
    /// to read every post's text.</param>
    Task<TopicCorpus> LoadTopicCorpusAsync(string? network, long fromMs, long toMs, CancellationToken ct = default, bool onPostsOnly = false,
        TopicTaxonomy? storedWith = null);

    /// <summary>What <see cref="Scoring.IScoreStore.LoadScoringInputAsync"/> reads, in the same order, with the post each
    /// interaction was on (<see cref="Scoring.ScoringInput.PostKeys"/>): a run's topic step then reads only the posts
    /// (<see cref="LoadTopicPostsAsync"/>), not the interactions a second time.</summary>
    Task<Scoring.ScoringInput> LoadScoringInputWithPostKeysAsync(string? network, long fromMs, long toMs, CancellationToken ct = default);

    /// <summary>The posts of <see cref="LoadTopicCorpusAsync"/> alone: every post created up to <paramref name="toMs"/>, for
    /// one network or all, in store order, with its stored extraction where it came from <paramref name="storedWith"/>.</summary>
    Task<IReadOnlyList<TopicPost>> LoadTopicPostsAsync(string? network, long toMs, TopicTaxonomy? storedWith, CancellationToken ct = default);

    /// <summary>One account's slice of <see cref="LoadTopicCorpusAsync"/>: the interactions with a time in
    /// [<paramref name="fromMs"/>, <paramref name="toMs"/>] or none that <paramref name="accountId"/> made or received (every
    /// kind, follows and mentions included), each with its post, and the posts created up to <paramref name="toMs"/> that
    /// the account wrote or that those interactions name, with the posts that any of them reposts. What explaining one
    /// account's topics needs (<see cref="TopicShareOnRead"/>, <see cref="AccountTopics.For"/>), read through the indexes.
    /// <paramref name="storedWith"/> as in <see cref="LoadTopicCorpusAsync"/>: the posts extracted with it come with their stored
    /// extraction (what a run read), not their text.</summary>
    Task<TopicCorpus> LoadAccountTopicCorpusAsync(string? network, long fromMs, long toMs, long accountId, CancellationToken ct = default,
        TopicTaxonomy? storedWith = null);
}
