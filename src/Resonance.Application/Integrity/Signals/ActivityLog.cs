using Resonance.Domain;

namespace Resonance.Application.Integrity.Signals;

/// <summary>The behaviour the integrity signals read: accounts as dense indices, interactions sorted by (actor, time),
/// and posts with their text.</summary>
/// <remarks>
/// <para>Accounts are the ordinal-sorted distinct external ids of every account, post author, actor and target.
/// Interactions are sorted by (actor, time, target, kind, post); untimed ones sort first and are ignored by the
/// time-based signals. Self-interactions are dropped, as in scoring.</para>
/// <para>Complexity: O(m log m + p) to build for m interactions and p posts (a counting sort by actor, then each actor's
/// interactions by time). Determinism: the indices and the orders
/// depend only on the set of records, never on input order or hashing, so every signal computed from a log is
/// bit-identical for the same records. Built single-threaded.</para>
/// </remarks>
public sealed class ActivityLog
{
    /// <summary>The time of an interaction that has none.</summary>
    public const long Untimed = long.MinValue;

    private ActivityLog(string[] accounts, int[] actor, int[] target, InteractionKind[] kind, long[] time, int[] post,
        int[] postAuthor, long[] postTime, string?[] postText, bool[] postOriginal)
    {
        AccountIds = accounts;
        Actors = actor;
        Targets = target;
        Kinds = kind;
        TimesMs = time;
        PostIndices = post;
        PostAuthors = postAuthor;
        PostTimesMs = postTime;
        PostTexts = postText;
        PostIsOriginal = postOriginal;
        ActorStart = new int[accounts.Length + 1];
        foreach (var a in actor)
        {
            ActorStart[a + 1]++;
        }
        for (var i = 0; i < accounts.Length; i++)
        {
            ActorStart[i + 1] += ActorStart[i];
        }
    }

    /// <summary>External id of each account, ordinal ascending.</summary>
    public string[] AccountIds { get; }

    /// <summary>Acting account of each interaction.</summary>
    public int[] Actors { get; }

    /// <summary>Target account of each interaction.</summary>
    public int[] Targets { get; }

    /// <summary>Kind of each interaction.</summary>
    public InteractionKind[] Kinds { get; }

    /// <summary>Time of each interaction in Unix milliseconds, or <see cref="Untimed"/>.</summary>
    public long[] TimesMs { get; }

    /// <summary>Index of the engaged post of each interaction, or −1 when unknown or not in the log.</summary>
    public int[] PostIndices { get; }

    /// <summary>Interactions of actor a are <c>[ActorStart[a], ActorStart[a + 1])</c>.</summary>
    public int[] ActorStart { get; }

    /// <summary>Author of each post.</summary>
    public int[] PostAuthors { get; }

    /// <summary>Creation time of each post in Unix milliseconds.</summary>
    public long[] PostTimesMs { get; }

    /// <summary>Text of each post, if any.</summary>
    public string?[] PostTexts { get; }

    /// <summary>Whether each post is original (not a reply, quote or repost).</summary>
    public bool[] PostIsOriginal { get; }

    /// <summary>Number of accounts.</summary>
    public int AccountCount => AccountIds.Length;

    /// <summary>Number of interactions.</summary>
    public int InteractionCount => Actors.Length;

    /// <summary>Whether an interaction kind is engagement with content or person (anything but a follow or an unfollow).</summary>
    public static bool IsEngagement(InteractionKind kind) => kind is not (InteractionKind.Follow or InteractionKind.Unfollow);

    /// <summary>Every distinct (engager, engaged) pair of engagement (any kind but follow and unfollow), in log order of its first
    /// interaction. O(m + n) time without hashing: the log is grouped by actor, so a target seen before in the same
    /// actor's run is marked with that actor.</summary>
    public IEnumerable<(int Engager, int Target)> DistinctEngagements()
    {
        var seenBy = new int[AccountCount];
        Array.Fill(seenBy, -1);
        for (var a = 0; a < AccountCount; a++)
        {
            for (var i = ActorStart[a]; i < ActorStart[a + 1]; i++)
            {
                var t = Targets[i];
                if (IsEngagement(Kinds[i]) && seenBy[t] != a)
                {
                    seenBy[t] = a;
                    yield return (a, t);
                }
            }
        }
    }

    /// <summary>Builds a log from imported or generated records; errors are skipped.</summary>
    public static ActivityLog FromRecords(IEnumerable<SourceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var accounts = new List<string>();
        var posts = new List<Post>();
        var interactions = new List<Interaction>();
        foreach (var r in records)
        {
            if (r.Account is { } a)
            {
                accounts.Add(a.ExternalId);
            }
            else if (r.Post is { } p)
            {
                posts.Add(p);
            }
            else if (r.Interaction is { } i)
            {
                interactions.Add(i);
            }
        }
        return Build(accounts, posts, interactions);
    }

    /// <summary>Builds a log from account ids, posts and interactions.</summary>
    public static ActivityLog Build(IEnumerable<string> accountIds, IReadOnlyList<Post> posts, IReadOnlyList<Interaction> interactions)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(interactions);
        var ids = new SortedSet<string>(accountIds, StringComparer.Ordinal);
        foreach (var p in posts)
        {
            ids.Add(p.AuthorId);
        }
        foreach (var i in interactions)
        {
            ids.Add(i.ActorId);
            ids.Add(i.TargetId);
        }
        var accounts = ids.ToArray();
        var index = new Dictionary<string, int>(accounts.Length, StringComparer.Ordinal);
        for (var i = 0; i < accounts.Length; i++)
        {
            index[accounts[i]] = i;
        }

        var postOrder = Enumerable.Range(0, posts.Count)
            .OrderBy(i => posts[i].ExternalId, StringComparer.Ordinal).ToArray();
        var postIndex = new Dictionary<string, int>(posts.Count, StringComparer.Ordinal);
        var pAuthor = new int[postOrder.Length];
        var pTime = new long[postOrder.Length];
        var pText = new string?[postOrder.Length];
        var pOriginal = new bool[postOrder.Length];
        for (var k = 0; k < postOrder.Length; k++)
        {
            var p = posts[postOrder[k]];
            postIndex.TryAdd(p.ExternalId, k);
            pAuthor[k] = index[p.AuthorId];
            pTime[k] = p.CreatedAt.ToUnixTimeMilliseconds();
            pText[k] = p.Text;
            pOriginal[k] = p.ReplyToPostId is null && p.QuoteOfPostId is null && p.RepostOfPostId is null;
        }

        var rows = new Row[interactions.Count];
        var count = 0;
        foreach (var i in interactions)
        {
            var a = index[i.ActorId];
            var t = index[i.TargetId];
            if (a != t)
            {
                var post = i.PostId is { } pid && postIndex.TryGetValue(pid, out var pi) ? pi : -1;
                rows[count++] = new Row(a, i.OccurredAt?.ToUnixTimeMilliseconds() ?? Untimed, t, i.Kind, post);
            }
        }
        return FromRows(accounts, rows.AsSpan(0, count), pAuthor, pTime, pText, pOriginal);
    }

    /// <summary>Builds a log from dense arrays: <paramref name="accounts"/> ordinal-sorted and distinct, interaction
    /// <c>i</c> from <paramref name="actors"/>[i] to <paramref name="targets"/>[i] (indices into it), posts in log order. Self-interactions
    /// are dropped and the rest sorted as <see cref="Build"/> does, so the two give the same log for the same records.</summary>
    internal static ActivityLog FromArrays(string[] accounts, int[] actors, int[] targets, InteractionKind[] kinds, long[] times,
        int[] postAuthors, long[] postTimes, string?[] postTexts, bool[] postOriginal)
    {
        var rows = new Row[actors.Length];
        var count = 0;
        for (var i = 0; i < actors.Length; i++)
        {
            if (actors[i] != targets[i])
            {
                rows[count++] = new Row(actors[i], times[i], targets[i], kinds[i], -1);
            }
        }
        return FromRows(accounts, rows.AsSpan(0, count), postAuthors, postTimes, postTexts, postOriginal);
    }

    /// <summary>Sorts the rows into log order: a counting sort by actor, then each actor's rows by (time, target, kind,
    /// post). The same order as one comparison sort of all rows, in O(m + Σ m_a log m_a).</summary>
    private static ActivityLog FromRows(string[] accounts, Span<Row> rows, int[] postAuthors, long[] postTimes, string?[] postTexts, bool[] postOriginal)
    {
        var m = rows.Length;
        var start = new int[accounts.Length + 1];
        foreach (var r in rows)
        {
            start[r.Actor + 1]++;
        }
        for (var a = 0; a < accounts.Length; a++)
        {
            start[a + 1] += start[a];
        }
        var next = start[..^1];
        var sorted = new Row[m];
        foreach (var r in rows)
        {
            sorted[next[r.Actor]++] = r;
        }
        for (var a = 0; a < accounts.Length; a++)
        {
            if (start[a + 1] - start[a] > 1)
            {
                sorted.AsSpan(start[a], start[a + 1] - start[a]).Sort();
            }
        }

        int[] actor = new int[m], target = new int[m], post = new int[m];
        var kind = new InteractionKind[m];
        var time = new long[m];
        for (var i = 0; i < m; i++)
        {
            (actor[i], time[i], target[i], kind[i], post[i]) = (sorted[i].Actor, sorted[i].Time, sorted[i].Target, sorted[i].Kind, sorted[i].Post);
        }
        return new ActivityLog(accounts, actor, target, kind, time, post, postAuthors, postTimes, postTexts, postOriginal);
    }

    /// <summary>One interaction in log order: (actor, time, target, kind, post), compared field by field.</summary>
    private readonly record struct Row(int Actor, long Time, int Target, InteractionKind Kind, int Post) : IComparable<Row>
    {
        public int CompareTo(Row other)
        {
            var c = Actor.CompareTo(other.Actor);
            c = c != 0 ? c : Time.CompareTo(other.Time);
            c = c != 0 ? c : Target.CompareTo(other.Target);
            c = c != 0 ? c : ((short)Kind).CompareTo((short)other.Kind);
            return c != 0 ? c : Post.CompareTo(other.Post);
        }
    }
}
