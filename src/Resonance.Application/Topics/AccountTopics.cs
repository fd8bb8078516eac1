namespace Resonance.Application.Topics;

/// <summary>One topic of an account, with the evidence behind it.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Posts">The account's posts about it (reposts included: reposting is saying something too).</param>
/// <param name="Engagements">Interactions by others on those posts (likes, reposts, replies, quotes), weighted.</param>
/// <param name="Engagers">Distinct accounts behind those interactions.</param>
/// <param name="Terms">The hashtags, cashtags and keywords that matched, most posts first, as a reader would recognise them
/// (<see cref="TopicTaxonomy.Surface"/>: a keyword as its alias is written in the taxonomy, not as its stems).</param>
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
        return Of(accountId, corpus, Enumerable.Range(0, corpus.Input.InteractionCount), corpus.Posts, index, true);
    }

    /// <summary>The topics of every account with a post about a known topic, as <see cref="For"/> gives them, by account
    /// id then position. O(m + posts + total text): interactions and posts are grouped by account once (keeping corpus
    /// order, so every sum is the one <see cref="For"/> computes, bit for bit), then accounts are summarised in parallel, each
    /// into its own slot, and joined in account order: the same rows for any thread count.</summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="index">Its posts' topics.</param>
    /// <param name="details">False for the counts only (posts, engagements, engagers: what a run stores), without the matched
    /// terms and top posts, which are then empty.</param>
    public static IReadOnlyList<AccountTopicRow> ForAll(TopicCorpus corpus, PostTopicIndex index, bool details = true)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(index);
        if (!details && AccountTopicCounts.TryForAll(corpus, index) is { } counts)
        {
            return counts;
        }

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

        // Accounts are independent: each is summarised into its own slot, then the slots are joined in account order.
        var accounts = posts.Keys.Order().ToArray();
        var perAccount = new List<AccountTopic>[accounts.Length];
        Parallel.For(0, accounts.Length, a =>
            perAccount[a] = Of(accounts[a], corpus, received.GetValueOrDefault(accounts[a]) ?? [], posts[accounts[a]], index, details));
        var rows = new List<AccountTopicRow>();
        for (var a = 0; a < accounts.Length; a++)
        {
            rows.AddRange(perAccount[a].Select((t, i) => new AccountTopicRow(accounts[a], i, t)));
        }
        return rows;
    }

    /// <summary>The topics of <paramref name="accountId"/> from the interactions at <paramref name="rows"/> (those on its
    /// posts count) and <paramref name="posts"/> (its own count), both in corpus order.</summary>
    private static List<AccountTopic> Of(long accountId, TopicCorpus corpus, IEnumerable<int> rows, IEnumerable<TopicPost> posts, PostTopicIndex index,
        bool details)
    {
        var engagement = new Dictionary<string, PostEngagement>(StringComparer.Ordinal);
        var input = corpus.Input;
        foreach (var i in rows)
        {
            if (input.TargetIds[i] == accountId && input.ActorIds[i] != accountId && corpus.InteractionPostIds[i] is { } post)
            {
                if (!engagement.TryGetValue(post, out var e))
                {
                    engagement[post] = e = new PostEngagement();
                }

                e.Weight += input.Weights[i];
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

        return [.. byTopic.Select(kv => Summarise(kv.Key, kv.Value, engagement, index, details))
            .OrderByDescending(t => t.Engagements).ThenByDescending(t => t.Posts).ThenBy(t => t.Topic, StringComparer.Ordinal)];
    }

    /// <summary>The engagement with one post: weighted interactions, summed in corpus order, and distinct engagers.</summary>
    private sealed class PostEngagement
    {
        public double Weight { get; set; }

        public HashSet<long> Engagers { get; } = [];
    }

    private static AccountTopic Summarise(string topic, List<string> posts, Dictionary<string, PostEngagement> engagement, PostTopicIndex index,
        bool details)
    {
        var engagers = new HashSet<long>();
        var weight = 0.0;
        // Each term counts the posts it matched in; a post's terms are distinct.
        var postsWithTerm = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in posts)
        {
            if (engagement.TryGetValue(p, out var e))
            {
                engagers.UnionWith(e.Engagers);
            }

            weight += e?.Weight ?? 0;
            if (!details)
            {
                continue;
            }

            seen.Clear();
            foreach (var m in index.EvidenceFor(p, topic))
            {
                var term = index.Taxonomy.Surface(m);
                if (seen.Add(term))
                {
                    postsWithTerm[term] = postsWithTerm.GetValueOrDefault(term) + 1;
                }
            }
        }

        if (!details)
        {
            return new AccountTopic(topic, posts.Count, weight, engagers.Count, [], []);
        }

        var terms = postsWithTerm.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key).Take(8);
        var top = posts.Select(p => (PostId: p, Engagements: engagement.GetValueOrDefault(p)?.Weight ?? 0))
            .OrderByDescending(x => x.Engagements).ThenBy(x => x.PostId, StringComparer.Ordinal).Take(3);
        return new AccountTopic(topic, posts.Count, weight, engagers.Count, [.. terms], [.. top]);
    }
}
