using Resonance.Application.Synthetic;
using Resonance.Domain;
using Resonance.Engine.Randomness;

namespace Resonance.Application.Integrity.Attacks;

/// <summary>The generated community the attack suite works on, and the records each trick adds.</summary>
internal sealed class AttackWorld(SyntheticOptions options, List<Interaction> interactions, List<Post> posts, HashSet<string> planted, DateTimeOffset from)
{
    private readonly string _network = options.Network;
    private readonly string[] _genuine = [.. interactions.Select(i => i.TargetId).Concat(interactions.Select(i => i.ActorId))
        .Distinct().Where(id => !planted.Contains(id)).Order(StringComparer.Ordinal)];

    public string MedianGenuine()
    {
        var received = interactions.GroupBy(i => i.TargetId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var authors = posts.GroupBy(p => p.AuthorId).Where(g => g.Count() >= 5).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var ranked = _genuine.Where(authors.Contains).OrderBy(id => received.GetValueOrDefault(id)).ThenBy(id => id, StringComparer.Ordinal).ToArray();
        return ranked[ranked.Length / 2];
    }

    private Xoshiro256StarStar Rng(ulong trick) => new(SplitMix64.Derive(options.Seed, 0xA77AC4 + trick));

    private DateTimeOffset At(ref Xoshiro256StarStar rng) => from.AddSeconds(rng.NextInt(29 * 86_400));

    private Interaction I(DateTimeOffset t, string actor, string target, InteractionKind kind) => new(_network, t, actor, target, kind);

    private string[] Others(string attacker, ref Xoshiro256StarStar rng, int count)
    {
        var pool = _genuine.Where(id => id != attacker).ToArray();
        for (var k = 0; k < Math.Min(count, pool.Length); k++)
        {
            var j = k + rng.NextInt(pool.Length - k);
            (pool[k], pool[j]) = (pool[j], pool[k]);
        }
        return pool[..Math.Min(count, pool.Length)];
    }

    /// <summary>500 bought bots each follow and like the attacker once, within the hour a seller's bot also spends
    /// following 40 and liking 20 random accounts for its other customers.</summary>
    public (List<Interaction>, List<Post>) BuyBots(string attacker)
    {
        var rng = Rng(1);
        var extra = new List<Interaction>();
        for (var k = 0; k < Budget / 2; k++)
        {
            var bot = $"zz-bought-{k:D4}";
            var t = At(ref rng);
            extra.Add(I(t, bot, attacker, InteractionKind.Follow));
            extra.Add(I(t.AddSeconds(30), bot, attacker, InteractionKind.Like));
            foreach (var (other, j) in Others(attacker, ref rng, 60).Select((o, j) => (o, j)))
            {
                extra.Add(I(t.AddSeconds(60 + (j * 50)), bot, other, j < 40 ? InteractionKind.Follow : InteractionKind.Like));
            }
        }
        return (extra, []);
    }

    private const int Budget = AttackSuite.Budget;

    /// <summary>19 genuine accounts and the attacker form a pod: each member likes or replies to each other member's post
    /// within minutes, ⌈1,000 / 19⌉ times, so the attacker receives the budget and pays it back.</summary>
    public (List<Interaction>, List<Post>) JoinPod(string attacker)
    {
        var rng = Rng(2);
        var members = Others(attacker, ref rng, 19).Append(attacker).ToArray();
        var rounds = (Budget + 18) / 19;
        var extra = new List<Interaction>();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var author in members)
            {
                var t = At(ref rng);
                foreach (var m in members.Where(m => m != author))
                {
                    extra.Add(I(t.AddMinutes(1 + rng.NextInt(10)), m, author, r % 4 == 0 ? InteractionKind.Reply : InteractionKind.Like));
                }
            }
        }
        return (extra, []);
    }

    /// <summary>The attacker mass-follows 1,000 genuine accounts in bursts of 100 an hour; one in ten follows back within
    /// hours (the generator's follow-back rate);.</summary>
    public (List<Interaction>, List<Post>) RunFarm(string attacker)
    {
        var rng = Rng(3);
        var extra = new List<Interaction>();
        var targets = Others(attacker, ref rng, Budget);
        for (var k = 0; k < targets.Length; k++)
        {
            var t = from.AddDays(k / 100).AddSeconds((k % 100) * 30);
            extra.Add(I(t, attacker, targets[k], InteractionKind.Follow));
            if (rng.NextInt(10) == 0)
            {
                extra.Add(I(t.AddHours(1 + rng.NextInt(12)), targets[k], attacker, InteractionKind.Follow));
            }
        }
        return (extra, []);
    }

    /// <summary>The attacker replies 1,000 times to the 20 accounts that receive the most interactions, 50 each, in bursts
    /// of 20 an hour.</summary>
    public (List<Interaction>, List<Post>) SpamReplies(string attacker)
    {
        var top = interactions.GroupBy(i => i.TargetId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).Where(id => id != attacker).Take(20).ToArray();
        var extra = new List<Interaction>();
        for (var k = 0; k < Budget; k++)
        {
            extra.Add(I(from.AddDays(k / 20 % 29).AddMinutes(k % 20 * 3), attacker, top[k % top.Length], InteractionKind.Reply));
        }
        return (extra, []);
    }

    /// <summary>The attacker posts ten times as often: nine extra posts for each of its posts, up to the budget, with no
    /// extra engagement (its followers' attention does not grow with its output).</summary>
    public (List<Interaction>, List<Post>) PostMore(string attacker)
    {
        var rng = Rng(5);
        var own = posts.Count(p => p.AuthorId == attacker);
        var extra = new List<Post>();
        for (var k = 0; k < Math.Min(Budget, 9 * own); k++)
        {
            extra.Add(new Post(_network, $"zz-more-{k:D4}", attacker, At(ref rng), "more of the same"));
        }
        return ([], extra);
    }

    /// <summary>Human-paced bots, the stealthy version of buying bots: 100 bought accounts each follow the attacker and
    /// engage it nine times (one repost, two replies, six likes: the mix of genuine growth) at random times over 30 days, and
    /// for cover follow and engage 8 random genuine accounts (20 actions) and write 5 original posts of varied text. Each
    /// acts about once a day, engages fewer than 1% of the accounts that post and is engaged by nobody.</summary>
    public (List<Interaction>, List<Post>) HumanPacedBots(string attacker)
    {
        var rng = Rng(7);
        var extra = new List<Interaction>();
        var extraPosts = new List<Post>();
        for (var k = 0; k < Budget / 10; k++)
        {
            var bot = $"zz-paced-{k:D3}";
            extra.Add(I(At(ref rng), bot, attacker, InteractionKind.Follow));
            for (var j = 0; j < 9; j++)
            {
                extra.Add(I(At(ref rng), bot, attacker, j == 0 ? InteractionKind.Repost : j < 3 ? InteractionKind.Reply : InteractionKind.Like));
            }

            var cover = Others(attacker, ref rng, 8);
            for (var j = 0; j < 20; j++)
            {
                extra.Add(I(At(ref rng), bot, cover[j % cover.Length], j < cover.Length ? InteractionKind.Follow : j % 5 == 0 ? InteractionKind.Reply : InteractionKind.Like));
            }

            for (var j = 0; j < 5; j++)
            {
                var text = string.Join(' ', Enumerable.Range(0, 6 + rng.NextInt(10)).Select(_ => CoverWords[rng.NextInt(CoverWords.Length)]));
                extraPosts.Add(new Post(_network, $"zz-paced-{k:D3}-{j}", bot, At(ref rng), text));
            }
        }
        return (extra, extraPosts);
    }

    private static readonly string[] CoverWords =
    [
        "morning", "coffee", "train", "late", "again", "weekend", "garden", "rain", "finally", "book", "finished", "reading", "dinner",
        "friends", "walk", "park", "dog", "cat", "music", "new", "album", "loving", "this", "that", "today", "tomorrow", "work", "week",
        "long", "short", "trip", "city", "beach", "photo", "sunset", "movie", "great", "terrible", "match", "team", "won", "lost", "recipe",
        "bread", "soup", "learned", "something", "thinking", "about", "why", "how", "really", "not", "sure", "happy", "tired", "busy",
    ];

    /// <summary>Genuine growth with the same budget: 100 genuine accounts that did not engage the attacker each engage it
    /// ten times over the last 30 days at a human pace (likes, with one repost and two replies in ten), and follow it.</summary>
    public (List<Interaction>, List<Post>) GrowGenuinely(string attacker)
    {
        var rng = Rng(6);
        var engaged = interactions.Where(i => i.TargetId == attacker).Select(i => i.ActorId).ToHashSet(StringComparer.Ordinal);
        var fans = Others(attacker, ref rng, 400).Where(id => !engaged.Contains(id)).Take(Budget / 10).ToArray();
        var extra = new List<Interaction>();
        foreach (var fan in fans)
        {
            extra.Add(I(At(ref rng), fan, attacker, InteractionKind.Follow));
            for (var k = 0; k < 9; k++)
            {
                var kind = k == 0 ? InteractionKind.Repost : k < 3 ? InteractionKind.Reply : InteractionKind.Like;
                extra.Add(I(At(ref rng), fan, attacker, kind));
            }
        }
        return (extra, []);
    }
}
