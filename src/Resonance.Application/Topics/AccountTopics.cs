namespace Resonance.Application.Topics;

/// <summary>One topic of an account, with the evidence behind it.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Posts">The account's posts about it (reposts included: reposting is saying something too).</param>
/// <param name="Engagements">Interactions by others on those posts (likes, reposts, replies, quotes), weighted.</param>
/// <param name="Engagers">Distinct accounts behind those interactions.</param>
/// <param name="Terms">The hashtags, cashtags and keywords that matched, most posts first.</param>
/// <param name="TopPosts">Up to three of the posts, most engaged first: external id and engagement.</param>
public sealed record AccountTopic(string Topic, int Posts, double Engagements, int Engagers, IReadOnlyList<string> Terms,
    IReadOnlyList<(string PostId, double Engagements)> TopPosts);

/// <summary>An account's topics with evidence: what it posts about and how others engaged with those posts.</summary>
/// <remarks>O(posts + interactions) per account (<see cref="ForAll"/>: the same for all accounts at once). Deterministic: topics by engagement, then posts, then name (ordinal).</remarks>
public static class AccountTopics
{
    /// <summary>The topics of <paramref name="accountId"/>'s posts in <paramref name="corpus"/>.</summary>
    public static IReadOnlyList<AccountTopic> For(TopicCorpus corpus, PostTopicIndex index, long accountId)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(index);
        return Of(accountId, corpus, Enumerable.Range(0, corpus.Input.InteractionCount), corpus.Posts, index);
    }

    /// <summary>The topics of every account with a post about a known topic, as <see cref="For"/> gives them, by account
    /// id then position. O(m + posts + total text): interactions and posts are grouped by account once (keeping corpus
    /// order, so every sum is the one <see cref="For"/> computes, bit for bit).</summary>
    public static IReadOnlyList<AccountTopicRow> ForAll(TopicCorpus corpus, PostTopicIndex index)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(index);
        var posts = new Dictionary<long, List<TopicPost>>();
        foreach (var post in corpus.Posts.Where(p => index.TopicsOf(p.ExternalId).Count > 0))
        {
            if (!posts.TryGetValue(post.AuthorId, out var list))
            {
                posts[post.AuthorId] = list = [];
            }
            list.Add(post);
        }

        var input = corpus.Input;
        var received = new Dictionary<long, List<int>>();
        for (var i = 0; i < input.InteractionCount; i++)
        {
            if (corpus.InteractionPostIds[i] is not null && posts.ContainsKey(input.TargetIds[i]))
            {
                if (!received.TryGetValue(input.TargetIds[i], out var list))
                {
                    received[input.TargetIds[i]] = list = [];
                }
                list.Add(i);
            }
        }

        var rows = new List<AccountTopicRow>();
        foreach (var account in posts.Keys.Order())
        {
            var topics = Of(account, corpus, received.GetValueOrDefault(account) ?? [], posts[account], index);
            rows.AddRange(topics.Select((t, i) => new AccountTopicRow(account, i, t)));
        }
        return rows;
    }

    /// <summary>The topics of <paramref name="accountId"/> from the interactions at <paramref name="rows"/> (those on its
    /// posts count) and <paramref name="posts"/> (its own count), both in corpus order.</summary>
    private static List<AccountTopic> Of(long accountId, TopicCorpus corpus, IEnumerable<int> rows, IEnumerable<TopicPost> posts, PostTopicIndex index)
    {
        var engagement = new Dictionary<string, (double Weight, HashSet<long> Engagers)>(StringComparer.Ordinal);
        var input = corpus.Input;
        foreach (var i in rows)
        {
            if (input.TargetIds[i] == accountId && input.ActorIds[i] != accountId && corpus.InteractionPostIds[i] is { } post)
            {
                if (!engagement.TryGetValue(post, out var e))
                {
                    engagement[post] = e = (0, []);
                }

                engagement[post] = (e.Weight + input.Weights[i], e.Engagers);
                e.Engagers.Add(input.ActorIds[i]);
            }
        }

        var byTopic = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var post in posts.Where(p => p.AuthorId == accountId))
        {
            foreach (var topic in index.TopicsOf(post.ExternalId))
            {
                if (!byTopic.TryGetValue(topic, out var list))
                {
                    byTopic[topic] = list = [];
                }

                list.Add(post.ExternalId);
            }
        }

        return [.. byTopic.Select(kv => Summarise(kv.Key, kv.Value, engagement, index))
            .OrderByDescending(t => t.Engagements).ThenByDescending(t => t.Posts).ThenBy(t => t.Topic, StringComparer.Ordinal)];
    }

    private static AccountTopic Summarise(string topic, List<string> posts, Dictionary<string, (double Weight, HashSet<long> Engagers)> engagement,
        PostTopicIndex index)
    {
        var engagers = new HashSet<long>();
        foreach (var p in posts)
        {
            engagers.UnionWith(engagement.GetValueOrDefault(p).Engagers ?? []);
        }

        var terms = posts.SelectMany(p => index.EvidenceFor(p, topic).Select(m => m.Kind switch
            {
                TopicEvidenceKind.Hashtag => "#" + m.Term,
                TopicEvidenceKind.Cashtag => "$" + m.Term,
                _ => m.Term,
            }).Distinct(StringComparer.Ordinal))
            .GroupBy(t => t, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(8);
        var top = posts.Select(p => (PostId: p, Engagements: engagement.GetValueOrDefault(p).Weight))
            .OrderByDescending(x => x.Engagements).ThenBy(x => x.PostId, StringComparer.Ordinal).Take(3);
        return new AccountTopic(topic, posts.Count, posts.Sum(p => engagement.GetValueOrDefault(p).Weight), engagers.Count, [.. terms], [.. top]);
    }
}
