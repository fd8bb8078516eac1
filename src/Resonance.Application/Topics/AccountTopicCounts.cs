using System.Runtime.InteropServices;

namespace Resonance.Application.Topics;

/// <summary>Every account's topic counts (posts, engagements, engagers: what a run stores), as
/// <see cref="AccountTopics.ForAll"/> gives them without details, computed on integers and flat arrays: posts by slot and
/// topics by id (<see cref="PostTopicIndex"/>), accounts and engagers by dense rank (<see cref="DenseRanks"/>), each post's
/// engagement summed once, never a string compared nor a set hashed.</summary>
/// <remarks>O(m + posts + Σ over accounts of (topic posts × topics per post) log of that + Σ engagers per (account, topic)):
/// posts are grouped by account and engagers by post with counting sorts; an account's (topic, post) keys are sorted, and
/// the distinct engagers of each of its topics are counted with a mark array (one per thread, stamped per topic: no
/// clearing). Every sum is the one <see cref="AccountTopics.For"/> computes, in the same order (a post's engagement in
/// interaction order, a topic's over the account's posts in corpus order), and counts are integers, so the rows are the
/// same bit for bit, for any thread count (accounts are summarised in parallel, each into its own slot, joined in account
/// order).</remarks>
internal static class AccountTopicCounts
{
    /// <summary>The rows, or null when two accounts' posts share an id (a corpus over networks whose post ids collide), which
    /// <see cref="AccountTopics.ForAll"/> then counts by post id per account.</summary>
    public static IReadOnlyList<AccountTopicRow>? TryForAll(TopicCorpus corpus, PostTopicIndex index)
    {
        var names = index.TopicNames;
        var postSlots = index.SlotsOf(corpus.Posts);
        var owner = new long[index.SlotCount];
        var owned = new bool[owner.Length];
        // The posts about a topic, in corpus order: their slots and authors.
        var topicPostSlots = new List<int>();
        var topicPostAuthors = new List<long>();
        for (var n = 0; n < corpus.Posts.Count; n++)
        {
            var post = corpus.Posts[n];
            var slot = postSlots?[n] ?? index.SlotOf(post.ExternalId);
            if (owned[slot] && owner[slot] != post.AuthorId)
            {
                return null;
            }

            (owner[slot], owned[slot]) = (post.AuthorId, true);
            if (index.TopicIdsOf(slot).Length > 0)
            {
                topicPostSlots.Add(slot);
                topicPostAuthors.Add(post.AuthorId);
            }
        }

        // Each account's topic posts, accounts by id and posts in corpus order: from accountStart[a] to accountStart[a + 1].
        var (accounts, accountOf) = DenseRanks.Of(CollectionsMarshal.AsSpan(topicPostAuthors));
        var accountStart = new int[accounts.Length + 1];
        var accountPosts = GroupBy(accountOf, CollectionsMarshal.AsSpan(topicPostSlots), accountStart);

        // Each post's engagement by others: its weights summed in interaction order, and its engagers (repeats included, by
        // rank) from engagerStart[slot] to engagerStart[slot + 1].
        var input = corpus.Input;
        var slots = index.InteractionSlots(corpus);
        var live = new bool[owner.Length];
        for (var s = 0; s < live.Length; s++)
        {
            live[s] = owned[s] && index.TopicIdsOf(s).Length > 0;
        }

        var weight = new double[owner.Length];
        var count = 0;
        for (var i = 0; i < input.InteractionCount; i++)
        {
            if (Counts(i) is var slot and >= 0)
            {
                weight[slot] += input.Weights[i];
                count++;
            }
        }

        var actors = GC.AllocateUninitializedArray<long>(count);
        var postOf = GC.AllocateUninitializedArray<int>(count);
        for (int i = 0, k = 0; k < count; i++)
        {
            if (Counts(i) is var slot and >= 0)
            {
                (actors[k], postOf[k]) = (input.ActorIds[i], slot);
                k++;
            }
        }

        var (distinctEngagers, engagerOf) = DenseRanks.Of(actors);
        var engagerStart = new int[owner.Length + 1];
        var engagers = GroupBy(postOf, engagerOf, engagerStart);

        var perAccount = new AccountTopic[accounts.Length][];
        Parallel.For(0, accounts.Length, () => new Scratch(distinctEngagers.Length), (a, _, scratch) =>
        {
            perAccount[a] = Of(accountPosts.AsSpan(accountStart[a]..accountStart[a + 1]), index, names, weight, engagerStart, engagers, scratch);
            return scratch;
        }, _ => { });
        var rows = new List<AccountTopicRow>();
        for (var a = 0; a < accounts.Length; a++)
        {
            for (var i = 0; i < perAccount[a].Length; i++)
            {
                rows.Add(new AccountTopicRow(accounts[a], i, perAccount[a][i]));
            }
        }

        return rows;

        // The slot of interaction i's post when it counts as engagement with it: by someone else, on a post about a topic,
        // received by the post's author.
        int Counts(int i)
        {
            var slot = slots[i];
            return slot >= 0 && live[slot] && input.TargetIds[i] == owner[slot] && input.ActorIds[i] != input.TargetIds[i] ? slot : -1;
        }
    }

    /// <summary><paramref name="values"/> grouped by <paramref name="groupOf"/> (a counting sort, stable: each group keeps
    /// the values' order); group g's values end up from <paramref name="start"/>[g] to <paramref name="start"/>[g + 1]
    /// (<paramref name="start"/> has one entry more than there are groups).</summary>
    private static int[] GroupBy(ReadOnlySpan<int> groupOf, ReadOnlySpan<int> values, int[] start)
    {
        foreach (var g in groupOf)
        {
            start[g + 1]++;
        }

        for (var g = 1; g < start.Length; g++)
        {
            start[g] += start[g - 1];
        }

        var grouped = GC.AllocateUninitializedArray<int>(values.Length);
        var next = start[..^1];
        for (var k = 0; k < values.Length; k++)
        {
            grouped[next[groupOf[k]]++] = values[k];
        }

        return grouped;
    }

    /// <summary>One account's topics from its posts' slots (<paramref name="postSlots"/>, in corpus order).</summary>
    private static AccountTopic[] Of(ReadOnlySpan<int> postSlots, PostTopicIndex index, string[] names, double[] weight, int[] engagerStart,
        int[] engagers, Scratch scratch)
    {
        // (topic, position) keys: sorted, each topic's posts are together and in corpus order.
        var keys = scratch.Keys;
        keys.Clear();
        for (var j = 0; j < postSlots.Length; j++)
        {
            foreach (var topic in index.TopicIdsOf(postSlots[j]))
            {
                keys.Add(((long)topic << 32) | (uint)j);
            }
        }

        var sorted = CollectionsMarshal.AsSpan(keys);
        sorted.Sort();
        var result = scratch.Topics;
        result.Clear();
        for (var from = 0; from < sorted.Length;)
        {
            var topic = (int)(sorted[from] >> 32);
            var to = from;
            var sum = 0.0;
            var stamp = scratch.NextStamp();
            var distinct = 0;
            for (; to < sorted.Length && (int)(sorted[to] >> 32) == topic; to++)
            {
                var slot = postSlots[(int)(uint)sorted[to]];
                for (var x = engagerStart[slot]; x < engagerStart[slot + 1]; x++)
                {
                    if (scratch.Mark[engagers[x]] != stamp)
                    {
                        scratch.Mark[engagers[x]] = stamp;
                        distinct++;
                    }
                }

                sum += weight[slot];
            }

            result.Add((topic, new AccountTopic(names[topic], to - from, sum, distinct, [], [])));
            from = to;
        }

        // Topic ids are in ordinal order of the names: the order AccountTopics.For breaks ties in.
        var ordered = CollectionsMarshal.AsSpan(result);
        ordered.Sort(static (x, y) => y.Counts.Engagements.CompareTo(x.Counts.Engagements) is var e and not 0 ? e
            : y.Counts.Posts.CompareTo(x.Counts.Posts) is var p and not 0 ? p : x.Topic.CompareTo(y.Topic));
        var topics = new AccountTopic[ordered.Length];
        for (var t = 0; t < topics.Length; t++)
        {
            topics[t] = ordered[t].Counts;
        }

        return topics;
    }

    /// <summary>One thread's working memory: a mark per engager (the stamp of the last topic that counted them), and buffers.</summary>
    private sealed class Scratch(int engagers)
    {
        private int stamp;

        public int[] Mark { get; } = new int[engagers];

        public List<long> Keys { get; } = [];

        public List<(int Topic, AccountTopic Counts)> Topics { get; } = [];

        /// <summary>A stamp no engager is marked with yet (the marks are cleared once every 2^31 topics).</summary>
        public int NextStamp()
        {
            if (stamp == int.MaxValue)
            {
                Array.Clear(Mark);
                stamp = 0;
            }

            return ++stamp;
        }
    }
}
