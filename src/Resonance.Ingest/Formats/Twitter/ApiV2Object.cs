namespace Resonance.Ingest.Formats.Twitter;

/// <summary>A tweet or user object of an API v2 response, with only the fields the importer uses; reused between pages.</summary>
/// <remarks>One shape serves both, because <c>data</c> may hold either: an object with <c>text</c> is a tweet, one
/// with <c>username</c> and no <c>text</c> a user, anything else (lists, media, places, counts) is ignored.</remarks>
internal sealed class ApiV2Object
{
    public string? Id { get; set; }
    public string? Text { get; set; }
    public string? AuthorId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? Username { get; set; }
    public string? Name { get; set; }
    public string? InReplyToUserId { get; set; }

    /// <summary>The <c>type</c> of a <c>referenced_tweets</c> entry.</summary>
    public string? Type { get; set; }

    public List<string> Hashtags { get; } = [];

    /// <summary><c>entities.mentions</c>: the id (absent in older responses) and the username.</summary>
    public List<(string? Id, string? Username)> Mentions { get; } = [];

    /// <summary><c>referenced_tweets</c>: type (<c>retweeted</c>, <c>quoted</c>, <c>replied_to</c>) and tweet id.</summary>
    public List<(string? Type, string? Id)> References { get; } = [];

    public bool IsTweet => Text is not null;

    public bool IsUser => Text is null && Username is not null;

    public void Clear()
    {
        Id = Text = AuthorId = Username = Name = InReplyToUserId = Type = null;
        CreatedAt = null;
        Hashtags.Clear();
        Mentions.Clear();
        References.Clear();
    }
}
