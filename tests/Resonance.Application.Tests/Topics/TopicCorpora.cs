using Resonance.Application.Tests.Scoring;
using Resonance.Application.Topics;
using Resonance.Domain;

namespace Resonance.Application.Tests.Topics;

/// <summary>Builds a <see cref="TopicCorpus"/> from records, with account ids as <see cref="ScoringInputs.FromRecords"/> assigns them.</summary>
internal static class TopicCorpora
{
    public static (TopicCorpus Corpus, Dictionary<string, long> Ids) FromRecords(IReadOnlyList<SourceRecord> records)
    {
        var (input, ids) = ScoringInputs.FromRecords(records);
        var postIds = records.Where(r => r.Interaction is not null).Select(r => r.Interaction!.PostId).ToList();
        var posts = records.Where(r => r.Post is not null).Select(r => r.Post!)
            .Select(p => new TopicPost(ids[p.AuthorId], p.ExternalId, p.CreatedAt.ToUnixTimeMilliseconds(), p.Text, p.Hashtags, p.RepostOfPostId)).ToList();
        return (new TopicCorpus(input, postIds, posts).Validate(), ids);
    }
}
