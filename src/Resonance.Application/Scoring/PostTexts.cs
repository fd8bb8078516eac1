namespace Resonance.Application.Scoring;

/// <summary>The posts of a run's window with what the integrity model reads from them beyond author and time: whether
/// each is original and the text of the originals (parallel arrays, one entry per post).</summary>
/// <remarks>Loaded only by versions with integrity defences (<see cref="ScoringParameters.IntegrityDefences"/>) and by
/// <c>resonance audit</c>, through <see cref="IScoreStore.LoadPostTextsAsync"/>: the near-duplicate signal needs the text,
/// and a repost carries its original's text, so only originals' texts are kept. Order is the store's post order (stable
/// for a database), which the near-duplicate signal's bucket order follows.</remarks>
public sealed class PostTexts
{
    /// <summary>Creates the posts; all arrays must have one length.</summary>
    public PostTexts(long[] authorIds, long[] createdMs, string?[] texts, bool[] isOriginal)
    {
        ArgumentNullException.ThrowIfNull(authorIds);
        ArgumentNullException.ThrowIfNull(createdMs);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(isOriginal);
        if (createdMs.Length != authorIds.Length || texts.Length != authorIds.Length || isOriginal.Length != authorIds.Length)
        {
            throw new ArgumentException("Post text arrays must all have the same length.");
        }

        AuthorIds = authorIds;
        CreatedMs = createdMs;
        Texts = texts;
        IsOriginal = isOriginal;
    }

    /// <summary>Author of each post (store id).</summary>
    public long[] AuthorIds { get; }

    /// <summary>Creation time of each post, Unix milliseconds.</summary>
    public long[] CreatedMs { get; }

    /// <summary>Text of each original post; null for a post without text and for replies, quotes and reposts.</summary>
    public string?[] Texts { get; }

    /// <summary>Whether each post is original (not a reply, quote or repost).</summary>
    public bool[] IsOriginal { get; }

    /// <summary>Number of posts.</summary>
    public int Count => AuthorIds.Length;
}
