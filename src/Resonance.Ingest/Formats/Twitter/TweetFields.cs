using Resonance.Domain;

namespace Resonance.Ingest.Formats.Twitter;

/// <summary>One tweet as both Twitter readers see it once ids are resolved; turns into a post plus its interactions.</summary>
/// <remarks>
/// Reused from tweet to tweet (call <see cref="Clear"/>). The mapping, shared by the archive and API readers:
/// the tweet becomes a <see cref="Post"/>; a retweet adds a repost of the original author (and nothing else: the
/// mentions in a retweet's text are the original author's); otherwise a reply adds a reply to the parent's author,
/// a quote a quote of the quoted author (when known), and each other mentioned account one mention.
/// </remarks>
internal sealed class TweetFields
{
    /// <summary>Skip reason for a retweet whose original author cannot be told.</summary>
    public const string UnknownRetweetAuthor = "retweets whose original author is unknown (kept as posts, no repost interaction)";

    /// <summary>Skip reason for a reply whose parent's author cannot be told.</summary>
    public const string UnknownReplyAuthor = "replies whose parent's author is unknown (kept as posts, no reply interaction)";

    public string Id { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? Text { get; set; }
    public List<string> Hashtags { get; } = [];
    public string? ReplyToPostId { get; set; }
    public string? ReplyToUserId { get; set; }
    public string? QuotedPostId { get; set; }
    public string? QuotedUserId { get; set; }
    public bool IsRepost { get; set; }
    public string? RepostedPostId { get; set; }
    public string? RepostedUserId { get; set; }

    /// <summary>Ids of the accounts mentioned, in order, repeats allowed.</summary>
    public List<string> MentionIds { get; } = [];

    public void Clear()
    {
        Id = AuthorId = "";
        CreatedAt = default;
        Text = ReplyToPostId = ReplyToUserId = QuotedPostId = QuotedUserId = RepostedPostId = RepostedUserId = null;
        IsRepost = false;
        Hashtags.Clear();
        MentionIds.Clear();
    }

    /// <summary>Adds the post and its interactions to <paramref name="output"/>; counts what cannot be mapped in <paramref name="progress"/>.</summary>
    /// <remarks>An unknown quoted author is not counted here: the archive reader resolves quotes later.</remarks>
    public void AddRecords(string network, long line, List<SourceRecord> output, ReadProgress progress)
    {
        var post = new Post(network, Id, AuthorId, CreatedAt, Text, Ingest.Text.Hashtags.Normalise(Hashtags), ReplyToPostId, QuotedPostId, RepostedPostId);
        output.Add(SourceRecord.Of(line, post));
        if (IsRepost)
        {
            AddOrSkip(network, line, output, progress, RepostedUserId, InteractionKind.Repost, RepostedPostId, UnknownRetweetAuthor);
            return;
        }
        if (ReplyToPostId is not null)
        {
            AddOrSkip(network, line, output, progress, ReplyToUserId, InteractionKind.Reply, ReplyToPostId, UnknownReplyAuthor);
        }
        if (QuotedPostId is not null && QuotedUserId is not null)
        {
            Add(network, line, output, QuotedUserId, InteractionKind.Quote, QuotedPostId);
        }
        for (var i = 0; i < MentionIds.Count; i++)
        {
            var mentioned = MentionIds[i];
            var isReplyTarget = ReplyToPostId is not null && mentioned == ReplyToUserId;
            if (!isReplyTarget && MentionIds.IndexOf(mentioned) == i)
            {
                Add(network, line, output, mentioned, InteractionKind.Mention, null);
            }
        }
    }

    private void AddOrSkip(
        string network, long line, List<SourceRecord> output, ReadProgress progress, string? target, InteractionKind kind, string? postId, string reason)
    {
        if (target is null)
        {
            progress.Skip(reason);
            return;
        }
        Add(network, line, output, target, kind, postId);
    }

    private void Add(string network, long line, List<SourceRecord> output, string target, InteractionKind kind, string? postId) =>
        output.Add(SourceRecord.Of(line, new Interaction(network, CreatedAt, AuthorId, target, kind, postId)));
}
