using Resonance.Application.Topics;

namespace Resonance.Storage.Scoring;

/// <summary>The read of a topic step's posts: <c>author_id, external_id, created_at_ms, text, hashtags, repost_of, topics</c> of
/// every post created up to the end of the window, by store id. With a taxonomy, a post extracted with it sends its stored
/// topics and no text or hashtags (the database sends NULL); other posts send their text and no topics.</summary>
internal sealed record TopicPostsQuery(string Sql, (string Name, long Value)[] Parameters, TopicTaxonomy? StoredWith)
{
    /// <summary>The text, hashtags, repost and stored-topics columns of <c>posts</c>: with a taxonomy, a post extracted with it
    /// sends its stored topics and no text or hashtags (the database sends NULL); without one, every post its text.</summary>
    public static string Columns(TopicTaxonomy? storedWith) => storedWith is null
        ? "text, hashtags, repost_of, NULL"
        : "CASE WHEN topics_taxonomy = @fingerprint THEN NULL ELSE text END, CASE WHEN topics_taxonomy = @fingerprint THEN NULL ELSE hashtags END, "
          + "repost_of, CASE WHEN topics_taxonomy = @fingerprint THEN topics END";

    public static TopicPostsQuery Create(int? networkId, long toMs, TopicTaxonomy? storedWith)
    {
        var columns = Columns(storedWith);
        (string, long)[] byNetwork = networkId is { } id ? [("@network", id)] : [];
        return new TopicPostsQuery(
            $"SELECT author_id, external_id, created_at_ms, {columns} FROM posts WHERE created_at_ms <= @to" + ScoreStoreQueries.NetworkFilter(networkId) + " ORDER BY id",
            [("@to", toMs), .. storedWith is null ? [] : new[] { ("@fingerprint", PostTopicCodec.Fingerprint(storedWith)) }, .. byNetwork], storedWith);
    }
}
