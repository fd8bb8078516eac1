using System.Globalization;
using Resonance.Domain;
using Resonance.Engine.Randomness;

namespace Resonance.Application.Synthetic;

/// <summary>Runs the day-by-day activity model of a synthetic network and streams its records (one instance per enumeration).</summary>
/// <remarks>
/// Each day: follow edges whose time falls in the day are released (one cursor per actor); original posts are drawn
/// (a Poisson total, authors by posting rate through an alias table, times from the community's daily rhythm; bots post in
/// bursts); posts get serials in time order; then every post schedules its engagement into the ring of day buckets:
/// the pod first, then followers (attempts ∝ followers × quality × <see cref="SyntheticOptions.EngagementRate"/>, each accepted
/// with the follower's activity, damped off-topic), then community members who do not follow (discovery), and one level of
/// repost cascade through the reposter's followers. Engagement delays are lognormal (median 90 minutes) and capped at
/// <see cref="MaxDelayDays"/> days. Bots then act in bursts on random recent posts (yesterday's and today's), unselectively.
/// Finally the day's bucket is sorted by (time, scheduling order) and emitted.
/// Planted experts' posts on their topic: in <c>resonance-synthetic/2</c> they draw ten times the usual engagement from
/// followers and community alike; from <c>/3</c> on they draw repeated, independent engagement from the expert's loyal
/// circle and ordinary engagement from everyone else (<see cref="LoyalEngagement"/>).
/// Memory: O(people) cursors and stamps plus the events of at most <see cref="MaxDelayDays"/> + 1 days.
/// </remarks>
internal sealed class SyntheticSimulation
{
    /// <summary>Longest delay between a post and engagement with it.</summary>
    public const int MaxDelayDays = 3;

    private const int DaySeconds = 86_400;
    private const double ExpertBoost = 10.0;
    private const double MentionProbability = 0.08;
    private const double DiscoveryShare = 0.3;

    /// <summary>Chance that a member of an expert's circle engages with one of its posts on its topic (from /3 on).</summary>
    public const double LoyalRate = 0.5;

    /// <summary>Original posts a day that a planted expert writes from /3 on: a share (this / its /2 rate) of its /2 posts
    /// (0.3–0.8 a day) is kept, evenly spread, and the others are drawn, with everything they cause, and dropped. About 11 posts in
    /// 90 days, against 12 for the average person and 27–72 in /2: an expert is steady, not prolific (and every post draws
    /// the unselective bots' likes, which would otherwise lift a prolific expert).</summary>
    public const double ExpertPostsPerDay = 0.12;

    /// <summary>From /3 on, the damping of everyone else's engagement with an expert's post on its topic (its niche): the
    /// same as for a post off one's community's topics, since a niche interests few beyond its own audience.</summary>
    public const double NicheInterest = 0.35;

    /// <summary>First serial of the posts (reposts, replies, quotes) made in response to an expert's post on its topic
    /// from /3 on: their own range, so every other post keeps the id it has in /2.</summary>
    public const long LoyalSerialBase = 1L << 40;

    private readonly SyntheticOptions _o;
    private readonly SyntheticPopulation _pop;
    private readonly SyntheticFollowGraph _graph;
    private readonly SyntheticFollowClock _clock;
    private readonly SyntheticText _text;
    private readonly int _window;
    private readonly ulong _daySeed;
    private readonly SyntheticEventBuffer[] _buckets;
    private readonly int[] _followCursor;
    private readonly int[] _nextFollowTime;
    private readonly int[] _stamp;
    private int _stampValue;
    private int _horizon;
    private long _nextSerial;
    private readonly AliasTable? _authorAlias;
    private readonly int[] _authors;
    private readonly double _totalPostRate;
    private readonly bool[] _inPod;
    private readonly Dictionary<int, int[]> _circleOf = []; // lookup only: never iterated
    private readonly ulong _loyalSeed;
    private readonly ulong _thinningSeed;
    private readonly HashSet<long> _dropped = []; // serials of the experts' /2 posts that /3 drops; membership only
    private readonly Dictionary<int, int> _expertPosts = []; // /2 posts drafted so far per expert; lookup only
    private long _loyalSerial = LoyalSerialBase;
    private bool _loyalSerials;
    private bool _discard;

    // Today's and yesterday's original posts (time-sorted), the pool bots pick from.
    private List<PoolPost> _today = [];
    private List<PoolPost> _yesterday = [];
    private readonly List<Draft> _drafts = [];
    private readonly HashSet<long> _botSeen = []; // membership only: never iterated

    private readonly record struct PoolPost(int Time, int Author, long Serial, short Topic);

    private readonly record struct Draft(int Time, int Author, short Topic, int Mention);

    public SyntheticSimulation(SyntheticOptions o, SyntheticPopulation pop, SyntheticFollowGraph graph, SyntheticFollowClock clock)
    {
        _o = o;
        _pop = pop;
        _graph = graph;
        _clock = clock;
        _text = new SyntheticText(pop, SplitMix64.Derive(o.Seed, 30));
        _window = o.Days * DaySeconds;
        _daySeed = SplitMix64.Derive(o.Seed, 31);
        _buckets = new SyntheticEventBuffer[MaxDelayDays + 1];
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = new SyntheticEventBuffer();
        }
        var n = pop.Count;
        _followCursor = new int[n];
        _nextFollowTime = new int[n];
        for (var a = 0; a < n; a++)
        {
            _followCursor[a] = graph.OutOffsets[a];
            _nextFollowTime[a] = NextFollowTime(a);
        }
        _stamp = new int[n];
        _authors = [.. Enumerable.Range(0, n).Where(a => pop.PostRate[a] > 0)];
        _totalPostRate = _authors.Sum(a => (double)pop.PostRate[a]);
        _authorAlias = _authors.Length > 0 ? new AliasTable([.. _authors.Select(a => (double)pop.PostRate[a])]) : null;
        _inPod = new bool[n];
        foreach (var m in pop.Pod)
        {
            _inPod[m] = true;
        }
        if (o.Version >= 3)
        {
            for (var e = 0; e < pop.Experts.Length; e++)
            {
                _circleOf[pop.Experts[e]] = pop.ExpertCircles[e];
            }
        }
        _loyalSeed = SplitMix64.Derive(o.Seed, 32);
        _thinningSeed = SplitMix64.Derive(o.Seed, 33);
    }

    public IEnumerable<SourceRecord> Run()
    {
        var network = _o.Network;
        long line = 0;
        for (var a = 0; a < _pop.Count; a++)
        {
            yield return SourceRecord.Of(++line, new Account(network, _pop.Ids[a], _pop.Handles[a], SyntheticPopulation.DisplayName(_o, a)));
        }
        for (var day = 0; day < _o.Days; day++)
        {
            SimulateDay(day);
            var bucket = _buckets[day % _buckets.Length];
            var keys = bucket.SortedKeys();
            for (var k = 0; k < bucket.Count; k++)
            {
                var e = bucket[(int)(keys[k] & 0xFFFFFFFF)];
                if (e.Post >= 0 && _dropped.Contains(e.Post))
                {
                    continue; // a dropped expert post, or a bot's action on one
                }
                var at = _o.Start.AddSeconds(e.Time);
                var ids = _pop.Ids;
                switch (e.Kind)
                {
                    case SyntheticEventKind.Follow:
                        yield return SourceRecord.Of(++line, new Interaction(network, at, ids[e.Actor], ids[e.Target], InteractionKind.Follow));
                        break;
                    case SyntheticEventKind.Mention:
                        yield return SourceRecord.Of(++line, new Interaction(network, at, ids[e.Actor], ids[e.Target], InteractionKind.Mention));
                        break;
                    case SyntheticEventKind.Post:
                        {
                            var text = _text.Original(e.Post, e.Actor, e.Topic, e.Target);
                            yield return SourceRecord.Of(++line, new Post(network, PostId(e.Post), ids[e.Actor], at, text, SyntheticText.Hashtags(text)));
                            break;
                        }
                    case SyntheticEventKind.Like:
                        yield return SourceRecord.Of(++line, new Interaction(network, at, ids[e.Actor], ids[e.Target], InteractionKind.Like, PostId(e.Post)));
                        break;
                    case SyntheticEventKind.Repost:
                        {
                            var original = PostId(e.Post);
                            yield return SourceRecord.Of(++line, new Post(network, PostId(e.Own), ids[e.Actor], at, RepostOfPostId: original));
                            yield return SourceRecord.Of(++line, new Interaction(network, at, ids[e.Actor], ids[e.Target], InteractionKind.Repost, original));
                            break;
                        }
                    case SyntheticEventKind.Reply:
                        {
                            var original = PostId(e.Post);
                            var text = _text.Reply(e.Own, e.Actor, e.Topic, e.Target);
                            yield return SourceRecord.Of(++line, new Post(network, PostId(e.Own), ids[e.Actor], at, text, SyntheticText.Hashtags(text), ReplyToPostId: original));
                            yield return SourceRecord.Of(++line, new Interaction(network, at, ids[e.Actor], ids[e.Target], InteractionKind.Reply, original));
                            break;
                        }
                    case SyntheticEventKind.Quote:
                        {
                            var original = PostId(e.Post);
                            var text = _text.Quote(e.Own, e.Topic);
                            yield return SourceRecord.Of(++line, new Post(network, PostId(e.Own), ids[e.Actor], at, text, SyntheticText.Hashtags(text), QuoteOfPostId: original));
                            yield return SourceRecord.Of(++line, new Interaction(network, at, ids[e.Actor], ids[e.Target], InteractionKind.Quote, original));
                            break;
                        }
                }
            }
            bucket.Clear();
        }
    }

    private static string PostId(long serial) => "p" + serial.ToString(CultureInfo.InvariantCulture);

    private void SimulateDay(int day)
    {
        var rng = new Xoshiro256StarStar(SplitMix64.Derive(_daySeed, (ulong)day));
        var dayStart = day * DaySeconds;
        var dayEnd = dayStart + DaySeconds;
        // Events must land in one of the ring's buckets that is not yet emitted: before the end of day + MaxDelayDays.
        _horizon = Math.Min(_window, (day + 1 + MaxDelayDays) * DaySeconds);
        var bucket = _buckets[day % _buckets.Length];

        ReleaseFollows(bucket, dayEnd);
        DraftPosts(ref rng, day, dayStart);

        (_yesterday, _today) = (_today, _yesterday);
        _today.Clear();
        foreach (var d in _drafts)
        {
            var serial = _nextSerial++;
            _today.Add(new PoolPost(d.Time, d.Author, serial, d.Topic));
            if (Dropped(d.Author))
            {
                // Drawn as in /2, so every other record stays as it is there, and dropped with all it causes.
                _dropped.Add(serial);
                _discard = true;
                DrawEngagement(ref rng, new PoolPost(d.Time, d.Author, serial, d.Topic), _pop.FocusTopic[d.Author]);
                _discard = false;
                continue;
            }
            bucket.Add(new SyntheticEvent { Time = d.Time, Kind = SyntheticEventKind.Post, Topic = d.Topic, Actor = d.Author, Target = d.Mention, Post = serial, Own = -1 });
            if (d.Mention >= 0)
            {
                bucket.Add(new SyntheticEvent { Time = d.Time, Kind = SyntheticEventKind.Mention, Topic = d.Topic, Actor = d.Author, Target = d.Mention, Post = -1, Own = -1 });
            }
            ScheduleEngagement(ref rng, new PoolPost(d.Time, d.Author, serial, d.Topic));
        }
        BotActions(ref rng, dayStart, dayEnd, bucket);
    }

    private void ReleaseFollows(SyntheticEventBuffer bucket, int dayEnd)
    {
        var targets = _graph.OutTargets;
        for (var a = 0; a < _nextFollowTime.Length; a++)
        {
            while (_nextFollowTime[a] < dayEnd)
            {
                bucket.Add(new SyntheticEvent { Time = _nextFollowTime[a], Kind = SyntheticEventKind.Follow, Topic = -1, Actor = a, Target = targets[_followCursor[a]], Post = -1, Own = -1 });
                _followCursor[a]++;
                _nextFollowTime[a] = NextFollowTime(a);
            }
        }
    }

    private int NextFollowTime(int a) =>
        _followCursor[a] < _graph.OutOffsets[a + 1] ? _clock.Time(a, _graph.OutTargets[_followCursor[a]]) : int.MaxValue;

    private void DraftPosts(ref Xoshiro256StarStar rng, int day, int dayStart)
    {
        _drafts.Clear();
        var weekday = _o.Start.AddDays(day).DayOfWeek;
        var factor = weekday is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.85 : 1.05;
        var count = _authorAlias is null ? 0 : Sampling.Poisson(ref rng, Math.Min(_totalPostRate * factor, 1e9));
        for (var i = 0; i < count; i++)
        {
            var author = _authors[_authorAlias!.Sample(ref rng)];
            var c = _pop.CommunityOf[author];
            var offset = c >= 0 ? _pop.CommunityUtcOffset[c] : 0;
            var time = dayStart + _clock.SecondOfDay(rng.NextDouble(), rng.NextInt(3_600), offset);
            var topic = PickTopic(ref rng, author);
            var following = _graph.Following(author);
            var mention = topic >= 0 && following.Length > 0 && Sampling.Bernoulli(ref rng, MentionProbability)
                ? following[rng.NextInt(following.Length)] : -1;
            _drafts.Add(new Draft(time, author, topic, mention));
        }
        foreach (var bot in _pop.Bots)
        {
            var posts = Sampling.Poisson(ref rng, _o.BotPostsPerDay * _pop.BotPace[bot]);
            var burstStart = dayStart + rng.NextInt(DaySeconds - 1_800);
            for (var i = 0; i < posts; i++)
            {
                if (i > 0 && rng.NextInt(3) == 0)
                {
                    burstStart = dayStart + rng.NextInt(DaySeconds - 1_800); // a new burst
                }
                var mention = Sampling.Bernoulli(ref rng, 0.3) ? _pop.Humans[rng.NextInt(_pop.Humans.Length)] : -1;
                _drafts.Add(new Draft(burstStart + rng.NextInt(1_800), bot, -1, mention));
            }
        }
        // Time order, ties by drafting order: serials then increase with time within the day.
        var keys = new long[_drafts.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)_drafts[i].Time << 32) | (uint)i;
        }
        Array.Sort(keys);
        var sorted = new Draft[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            sorted[i] = _drafts[(int)(keys[i] & 0xFFFFFFFF)];
        }
        _drafts.Clear();
        _drafts.AddRange(sorted);
    }

    private short PickTopic(ref Xoshiro256StarStar rng, int author)
    {
        var focus = _pop.FocusTopic[author];
        if (focus >= 0 && rng.NextInt(10) != 0)
        {
            return focus; // experts stay on their topic nine times in ten
        }
        var c = _pop.CommunityOf[author];
        if (c < 0)
        {
            return -1; // farm accounts post follow-back pleas
        }
        if (rng.NextInt(10) == 0)
        {
            return (short)rng.NextInt(SyntheticVocabulary.Topics.Count);
        }
        var topics = _pop.CommunityTopics[c];
        return (short)(topics.Length == 1 || rng.NextInt(5) < 3 ? topics[0] : topics[1 + rng.NextInt(topics.Length - 1)]);
    }

    private void ScheduleEngagement(ref Xoshiro256StarStar rng, PoolPost post)
    {
        var author = post.Author;
        if (_pop.Roles[author] == SyntheticRole.Bot)
        {
            return; // only other bots engage with spam, through BotActions
        }
        if (post.Topic >= 0 && post.Topic == _pop.FocusTopic[author] && _circleOf.TryGetValue(author, out var circle))
        {
            // From /3 on: /2's draws are still made, so every other record stays as in /2, but their events are dropped.
            _discard = true;
            DrawEngagement(ref rng, post, _pop.FocusTopic[author]);
            _discard = false;
            LoyalEngagement(post, circle);
            return;
        }
        DrawEngagement(ref rng, post, _pop.FocusTopic[author]);
    }

    // The engagement of /2: the pod first, then followers and community (ten times the usual on an expert's focus topic).
    private void DrawEngagement(ref Xoshiro256StarStar rng, PoolPost post, short focus)
    {
        var author = post.Author;
        var stamp = NextStamp();
        _stamp[author] = stamp;

        if (_inPod[author])
        {
            foreach (var m in _pop.Pod)
            {
                if (_stamp[m] == stamp)
                {
                    continue;
                }
                _stamp[m] = stamp;
                var at = post.Time + 20 + (int)Math.Min(Sampling.Exponential(ref rng, 300), 3_600);
                var like = Sampling.Bernoulli(ref rng, 0.95);
                var repost = Sampling.Bernoulli(ref rng, 0.4);
                var reply = Sampling.Bernoulli(ref rng, 0.3);
                Act(ref rng, m, post, at, like || !(repost || reply), repost, reply, quote: false, cascade: false);
            }
        }

        var quality = _pop.Quality[author] * (post.Topic >= 0 && post.Topic == focus ? ExpertBoost : 1.0);
        Ordinary(ref rng, post, _o.EngagementRate * quality, stamp);
    }

    // Followers, then community members who do not follow (discovery), at the given intensity per audience member.
    private void Ordinary(ref Xoshiro256StarStar rng, PoolPost post, double intensity, int stamp)
    {
        var author = post.Author;
        var followers = _graph.Followers(author);
        Reach(ref rng, post, followers, intensity * 2.0 * followers.Length, stamp, post.Time, cascade: true);

        var c = _pop.CommunityOf[author];
        if (c >= 0)
        {
            var members = _pop.CommunityMembers[c];
            var audience = Math.Min(members.Length, Math.Max(followers.Length, 5));
            Reach(ref rng, post, members, intensity * 2.0 * DiscoveryShare * audience, stamp, post.Time, cascade: true);
        }
    }

    /// <summary>From /3 on, the engagement on an expert's post on its topic. The expert's loyal circle (8–20 members of its
    /// community, <see cref="SyntheticPopulation.ExpertCircles"/>) engages with it repeatedly and independently: each member
    /// with chance <see cref="LoyalRate"/>, after its own lognormal delay (median 90 minutes, like any engagement, not the
    /// pod's minutes), often amplifying (reposts 15%, replies 30%), without spreading it to its own followers; everyone
    /// else (the expert's few other followers, its community) engages as with an ordinary post, without the boost and
    /// damped by <see cref="NicheInterest"/>.
    /// Draws come from a stream of the post's own (<see cref="SplitMix64.Derive"/>(seed, 32), then the post serial) and the
    /// responses take serials from <see cref="LoyalSerialBase"/>, so nothing else in the dataset moves.</summary>
    private void LoyalEngagement(PoolPost post, int[] circle)
    {
        var rng = new Xoshiro256StarStar(SplitMix64.Derive(_loyalSeed, (ulong)post.Serial));
        _loyalSerials = true;
        var stamp = NextStamp();
        _stamp[post.Author] = stamp;
        foreach (var m in circle)
        {
            _stamp[m] = stamp;
            if (!Sampling.Bernoulli(ref rng, LoyalRate))
            {
                continue;
            }
            var delay = Math.Max(5.0, Sampling.LogNormal(ref rng, 8.594, 1.3));
            var at = post.Time + (int)Math.Min(delay, (double)MaxDelayDays * DaySeconds);
            var repost = Sampling.Bernoulli(ref rng, 0.15);
            var reply = Sampling.Bernoulli(ref rng, 0.3);
            var like = Sampling.Bernoulli(ref rng, 0.85);
            Act(ref rng, m, post, at, like || !(repost || reply), repost, reply, quote: false, cascade: false);
        }
        Ordinary(ref rng, post, _o.EngagementRate * _pop.Quality[post.Author] * NicheInterest, stamp);
        _loyalSerials = false;
    }

    // Offers the post to random accounts of an audience; each accepts with its activity, damped when off its community's topics.
    private void Reach(ref Xoshiro256StarStar rng, PoolPost post, ReadOnlySpan<int> audience, double meanAttempts, int stamp, int seenAt, bool cascade)
    {
        if (audience.Length == 0 || meanAttempts <= 0)
        {
            return;
        }
        var attempts = Math.Min(Sampling.Poisson(ref rng, Math.Min(meanAttempts, 1e7)), 4 * audience.Length);
        for (var i = 0; i < attempts; i++)
        {
            var f = audience[rng.NextInt(audience.Length)];
            if (_stamp[f] == stamp || rng.NextDouble() >= _pop.Activity[f] * TopicMatch(f, post.Topic))
            {
                continue;
            }
            _stamp[f] = stamp;
            var delay = Math.Max(5.0, Sampling.LogNormal(ref rng, 8.594, 1.3)); // median e^8.594 s = 90 minutes
            var at = seenAt + (int)Math.Min(delay, (double)MaxDelayDays * DaySeconds);
            var like = Sampling.Bernoulli(ref rng, 0.85);
            var repost = Sampling.Bernoulli(ref rng, cascade ? 0.12 : 0.05);
            var reply = Sampling.Bernoulli(ref rng, 0.07);
            var quote = cascade && Sampling.Bernoulli(ref rng, 0.025);
            Act(ref rng, f, post, at, like || !(repost || reply || quote), repost, reply, quote, cascade);
        }
    }

    private double TopicMatch(int account, short topic)
    {
        var c = _pop.CommunityOf[account];
        if (topic < 0 || c < 0)
        {
            return 0.2;
        }
        return Array.IndexOf(_pop.CommunityTopics[c], topic) >= 0 ? 1.0 : 0.35;
    }

    private void Act(ref Xoshiro256StarStar rng, int actor, PoolPost post, int at, bool like, bool repost, bool reply, bool quote, bool cascade)
    {
        if (at >= _horizon || at - post.Time > MaxDelayDays * DaySeconds)
        {
            return;
        }
        var e = new SyntheticEvent { Time = at, Topic = post.Topic, Actor = actor, Target = post.Author, Post = post.Serial, Own = -1 };
        if (like)
        {
            e.Kind = SyntheticEventKind.Like;
            Emit(e);
        }
        if (repost)
        {
            e.Kind = SyntheticEventKind.Repost;
            e.Own = NextOwnSerial();
            Emit(e);
        }
        if (reply)
        {
            e.Kind = SyntheticEventKind.Reply;
            e.Own = NextOwnSerial();
            e.Time = Math.Min(at + 30 + rng.NextInt(300), _horizon - 1); // typing takes a moment
            Emit(e);
        }
        if (quote)
        {
            e.Kind = SyntheticEventKind.Quote;
            e.Own = NextOwnSerial();
            e.Time = Math.Min(at + 60 + rng.NextInt(600), _horizon - 1);
            Emit(e);
        }
        if (repost && cascade && _pop.Roles[actor] != SyntheticRole.Bot)
        {
            // One level of cascade: the reposter's followers see the original post.
            var followers = _graph.Followers(actor);
            Reach(ref rng, post, followers, _o.EngagementRate * _pop.Quality[post.Author] * 1.2 * followers.Length, _stamp[actor], at, cascade: false);
        }
    }

    // From /3 on, whether an expert's post is one of those it no longer writes. Systematic thinning: of its /2 posts, in
    // time order, the i-th is kept when ⌊(i + 1)·share + φ⌋ > ⌊i·share + φ⌋ (φ a per-expert phase), so an expert keeps
    // round(share × its /2 posts) of them, spread evenly over the window, rather than a binomial count that can leave an
    // unlucky expert with two posts in ninety days.
    private bool Dropped(int author)
    {
        if (!_circleOf.ContainsKey(author))
        {
            return false;
        }
        var i = _expertPosts.GetValueOrDefault(author);
        _expertPosts[author] = i + 1;
        var share = ExpertPostsPerDay / _pop.PostRate[author];
        var phase = new Xoshiro256StarStar(SplitMix64.Derive(_thinningSeed, (ulong)author)).NextDouble();
        return Math.Floor(((i + 1) * share) + phase) == Math.Floor((i * share) + phase);
    }

    // A discarded /2 draw still takes its serial, so the posts after it keep their /2 ids.
    private long NextOwnSerial() => _loyalSerials && !_discard ? _loyalSerial++ : _nextSerial++;

    private void Emit(SyntheticEvent e)
    {
        if (!_discard)
        {
            _buckets[e.Time / DaySeconds % _buckets.Length].Add(e);
        }
    }

    private void BotActions(ref Xoshiro256StarStar rng, int dayStart, int dayEnd, SyntheticEventBuffer bucket)
    {
        foreach (var bot in _pop.Bots)
        {
            var actions = Sampling.Poisson(ref rng, _o.BotActionsPerDay * _pop.BotPace[bot]);
            if (actions == 0)
            {
                continue;
            }
            _botSeen.Clear();
            var at = dayStart + rng.NextInt(DaySeconds);
            for (var i = 0; i < actions; i++)
            {
                if (i > 0 && rng.NextInt(15) == 0)
                {
                    at = dayStart + rng.NextInt(DaySeconds); // a new burst
                }
                at += 1 + (int)Sampling.Exponential(ref rng, 8);
                if (at >= dayEnd)
                {
                    at = dayStart + rng.NextInt(DaySeconds);
                    continue;
                }
                var todayBefore = CountBefore(_today, at);
                var pool = _yesterday.Count + todayBefore;
                if (pool == 0)
                {
                    continue;
                }
                var pick = rng.NextInt(pool);
                var post = pick < _yesterday.Count ? _yesterday[pick] : _today[pick - _yesterday.Count];
                if (post.Author == bot || !_botSeen.Add(post.Serial))
                {
                    continue;
                }
                var r = rng.NextInt(100);
                var e = new SyntheticEvent
                {
                    Time = at,
                    Kind = r < 80 ? SyntheticEventKind.Like : r < 92 ? SyntheticEventKind.Repost : SyntheticEventKind.Reply,
                    Topic = post.Topic,
                    Actor = bot,
                    Target = post.Author,
                    Post = post.Serial,
                    Own = r < 80 ? -1 : _nextSerial++,
                };
                bucket.Add(e);
            }
        }
    }

    private static int CountBefore(List<PoolPost> posts, int time)
    {
        int lo = 0, hi = posts.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (posts[mid].Time < time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private int NextStamp()
    {
        if (++_stampValue == int.MaxValue)
        {
            Array.Clear(_stamp);
            _stampValue = 1;
        }
        return _stampValue;
    }
}
