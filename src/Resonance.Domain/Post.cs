namespace Resonance.Domain;

/// <summary>A post (tweet, toot, skeet) by one account.</summary>
/// <param name="Network">The network the post lives on.</param>
/// <param name="ExternalId">The network's id for the post.</param>
/// <param name="AuthorId">External id of the authoring account.</param>
/// <param name="CreatedAt">When the post was published.</param>
/// <param name="Text">Optional text.</param>
/// <param name="Hashtags">Hashtags without '#', lower-cased, in order of first appearance.</param>
/// <param name="ReplyToPostId">External id of the post this one replies to, if any.</param>
/// <param name="QuoteOfPostId">External id of the post this one quotes, if any.</param>
/// <param name="RepostOfPostId">External id of the post this one reposts, if any.</param>
public sealed record Post(
    string Network,
    string ExternalId,
    string AuthorId,
    DateTimeOffset CreatedAt,
    string? Text = null,
    IReadOnlyList<string>? Hashtags = null,
    string? ReplyToPostId = null,
    string? QuoteOfPostId = null,
    string? RepostOfPostId = null)
{
    /// <summary>Hashtags, never null.</summary>
    public IReadOnlyList<string> Hashtags { get; init; } = Hashtags ?? [];

    /// <summary>Value equality, comparing hashtags element by element (a record would compare the list references).</summary>
    public bool Equals(Post? other) =>
        other is not null
        && Network == other.Network && ExternalId == other.ExternalId && AuthorId == other.AuthorId
        && CreatedAt == other.CreatedAt && Text == other.Text
        && ReplyToPostId == other.ReplyToPostId && QuoteOfPostId == other.QuoteOfPostId && RepostOfPostId == other.RepostOfPostId
        && Hashtags.SequenceEqual(other.Hashtags, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Network);
        hash.Add(ExternalId);
        hash.Add(CreatedAt);
        foreach (var tag in Hashtags)
        {
            hash.Add(tag, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }
}
