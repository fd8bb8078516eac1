namespace Resonance.Application.Topics;

/// <summary>Every account's topic counts (posts, engagements, engagers: what a run stores), as
/// <see cref="AccountTopics.ForAll"/> gives them without details, computed on integers and flat arrays: posts by slot and
/// topics by id (<see cref="PostTopicIndex"/>), each post's engagement summed once, never a string compared.</summary>
/// <remarks>O(m + posts + Σ engagers per (account, topic)). Every sum is the one <see cref="AccountTopics.For"/> computes, in
/// the same order (a post's engagement in interaction order, a topic's over the account's posts in corpus order), so the
/// counts are the same bit for bit, for any thread count (accounts are summarised in parallel, each into its own slot,
/// joined in account order).</remarks>
internal static class AccountTopicCounts
{
    /// <summary>The rows, or null when two accounts' posts share an id (a corpus over networks whose post ids collide), which
    /// <see cref="AccountTopics.ForAll"/> then counts by post id per account.</summary>
    public static IReadOnlyList<AccountTopicRow>? TryForAll(TopicCorpus corpus, PostTopicIndex index)
    {
        var names = index.TopicNames;
        var owner = new long[index.SlotCount];
        var owned = new bool[owner.Length];
        var posts = new Dictionary<long, List<int>>();
        foreach (var post in corpus.Posts)
        {
            var slot = index.SlotOf(post.ExternalId);
            if (owned[slot] && owner[slot] != post.AuthorId)
            {
                return null;
            }

            (owner[slot], owned[slot]) = (post.AuthorId, true);
            if (index.TopicIdsOf(slot).Length > 0)
            {
                if (!posts.TryGetValue(post.AuthorId, out var list))
                {
                    posts[post.AuthorId] = list = [];
                }
                list.Add(slot);
            }
        }

        // Each post's engagement by others: its weights summed in corpus order, and its engagers (repeats included) from
        // engagerStart[slot] to engagerStart[slot + 1].
        var input = corpus.Input;
        var slots = index.InteractionSlots(corpus);
        var weight = new double[owner.Length];
        var engagerStart = new int[owner.Length + 1];
        for (var i = 0; i < input.InteractionCount; i++)
        {
            if (Counts(i) is var slot and >= 0)
            {
                weight[slot] += input.Weights[i];
                engagerStart[slot + 1]++;
            }
        }

        for (var s = 0; s < owner.Length; s++)
        {
            engagerStart[s + 1] += engagerStart[s];
        }

        var engagers = GC.AllocateUninitializedArray<long>(engagerStart[owner.Length]);
        var next = engagerStart[..^1];
        for (var i = 0; i < input.InteractionCount; i++)
        {
            if (Counts(i) is var slot and >= 0)
            {
                engagers[next[slot]++] = input.ActorIds[i];
            }
        }

        var accounts = posts.Keys.Order().ToArray();
        var perAccount = new List<AccountTopic>[accounts.Length];
        Parallel.For(0, accounts.Length, () => new HashSet<long>(), (a, _, distinct) =>
        {
            perAccount[a] = Of(posts[accounts[a]], index, names, weight, engagerStart, engagers, distinct);
            return distinct;
        }, _ => { });
        var rows = new List<AccountTopicRow>();
        for (var a = 0; a < accounts.Length; a++)
        {
            rows.AddRange(perAccount[a].Select((t, i) => new AccountTopicRow(accounts[a], i, t)));
        }

        return rows;

        // The slot of interaction i's post when it counts as engagement with it: by someone else, on a post about a topic,
        // received by the post's author.
        int Counts(int i)
        {
            var slot = slots[i];
            return slot >= 0 && owned[slot] && input.TargetIds[i] == owner[slot] && input.ActorIds[i] != input.TargetIds[i]
                && index.TopicIdsOf(slot).Length > 0 ? slot : -1;
        }
    }

    /// <summary>One account's topics from its posts' slots (<paramref name="postSlots"/>, in corpus order).</summary>
    private static List<AccountTopic> Of(List<int> postSlots, PostTopicIndex index, string[] names, double[] weight, int[] engagerStart, long[] engagers,
        HashSet<long> distinct)
    {
        var byTopic = new Dictionary<int, List<int>>();
        foreach (var slot in postSlots)
        {
            foreach (var topic in index.TopicIdsOf(slot))
            {
                if (!byTopic.TryGetValue(topic, out var list))
                {
                    byTopic[topic] = list = [];
                }

                list.Add(slot);
            }
        }

        var result = new List<(int Topic, AccountTopic Counts)>(byTopic.Count);
        foreach (var (topic, topicPosts) in byTopic)
        {
            distinct.Clear();
            var sum = 0.0;
            foreach (var slot in topicPosts)
            {
                for (var x = engagerStart[slot]; x < engagerStart[slot + 1]; x++)
                {
                    distinct.Add(engagers[x]);
                }

                sum += weight[slot];
            }

            result.Add((topic, new AccountTopic(names[topic], topicPosts.Count, sum, distinct.Count, [], [])));
        }

        // Topic ids are in ordinal order of the names: the order AccountTopics.For breaks ties in.
        return [.. result.OrderByDescending(t => t.Counts.Engagements).ThenByDescending(t => t.Counts.Posts).ThenBy(t => t.Topic).Select(t => t.Counts)];
    }
}
