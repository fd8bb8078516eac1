using System.Text;
using Resonance.Engine.Randomness;

namespace Resonance.Application.Synthetic;

/// <summary>What an account is in the synthetic model. Pod members, experts and the hub are humans with extra behaviour.</summary>
internal enum SyntheticRole : byte
{
    Human = 0,
    Bot = 1,
    Farm = 2,
    Hub = 3,
    Pod = 4,
    Expert = 5,
}

/// <summary>The accounts of a synthetic network: roles, communities, per-account rates and handles (dense ids 0..n−1).</summary>
/// <remarks>
/// Built once per <see cref="SyntheticNetworkGenerator.Generate"/> from independent sub-streams of the seed, so that
/// changing, say, the naming scheme never changes who is a bot. Memory is O(people): a few arrays of n numbers plus
/// one id and one handle string per account.
/// </remarks>
internal sealed class SyntheticPopulation
{
    private const ulong RolesStream = 1, CommunitiesStream = 2, AttributesStream = 3, NamesStream = 4, PlantingStream = 5;

    private SyntheticPopulation(int count)
    {
        Count = count;
        Ids = new string[count];
        Handles = new string[count];
        Roles = new SyntheticRole[count];
        CommunityOf = new int[count];
        PostRate = new float[count];
        Activity = new float[count];
        Quality = new float[count];
        Fitness = new float[count];
        FocusTopic = new short[count];
        Campaign = new byte[count];
        BotPace = new float[count];
    }

    public int Count { get; }
    public string[] Ids { get; }
    public string[] Handles { get; }
    public SyntheticRole[] Roles { get; }
    /// <summary>Community of each account; −1 for bots and farm accounts.</summary>
    public int[] CommunityOf { get; }
    /// <summary>Original posts per day (bots: 0, they post through their own burst model).</summary>
    public float[] PostRate { get; }
    /// <summary>Chance of engaging with a post that reaches the account (values above 1 act as 1); 0 for bots.</summary>
    public float[] Activity { get; }
    /// <summary>Multiplier on the engagement a post by the account attracts.</summary>
    public float[] Quality { get; }
    /// <summary>Popularity weight when others choose whom to follow (0 for bots and farm accounts).</summary>
    public float[] Fitness { get; }
    /// <summary>The expert topic of each planted expert; −1 otherwise.</summary>
    public short[] FocusTopic { get; }
    /// <summary>Multiplier on each bot's daily actions and posts (mean about 1); 0 for others.</summary>
    public float[] BotPace { get; }
    /// <summary>The spam campaign (template) of each bot.</summary>
    public byte[] Campaign { get; }

    public int[][] CommunityMembers { get; private set; } = [];
    public int[][] CommunityTopics { get; private set; } = [];
    /// <summary>UTC offset, in hours, of each community's daily rhythm.</summary>
    public int[] CommunityUtcOffset { get; private set; } = [];

    public int[] Humans { get; private set; } = [];
    public int[] Bots { get; private set; } = [];
    public int[] Farm { get; private set; } = [];
    public int Hub { get; private set; } = -1;
    public int[] Pod { get; private set; } = [];
    public int[] Experts { get; private set; } = [];
    /// <summary>For each expert (same order as <see cref="Experts"/>), the community members planted as their tight following.</summary>
    public int[][] ExpertCircles { get; private set; } = [];
    /// <summary>The experts' niches and who else writes about them.</summary>
    public SyntheticNicheVoices Niches { get; private set; } = null!;

    public static SyntheticPopulation Build(SyntheticOptions o)
    {
        var p = new SyntheticPopulation(o.People);
        p.AssignRoles(o);
        p.BuildCommunities(o);
        p.PlantExpertsAndPod(o);
        p.Niches = SyntheticNicheVoices.Build(o, p);
        p.AssignAttributes(o);
        p.AssignNames(o);
        return p;
    }

    private void AssignRoles(SyntheticOptions o)
    {
        var rng = new Xoshiro256StarStar(SplitMix64.Derive(o.Seed, RolesStream));
        var perm = new int[Count];
        for (var i = 0; i < perm.Length; i++)
        {
            perm[i] = i;
        }
        Shuffle(ref rng, perm);
        int bots = o.ResolvedBots, farm = o.ResolvedFarmSize;
        Bots = Sorted(perm.AsSpan(0, bots));
        Farm = Sorted(perm.AsSpan(bots, farm));
        foreach (var b in Bots)
        {
            Roles[b] = SyntheticRole.Bot;
            CommunityOf[b] = -1;
        }
        foreach (var f in Farm)
        {
            Roles[f] = SyntheticRole.Farm;
            CommunityOf[f] = -1;
        }
        if (farm > 0)
        {
            Hub = perm[bots + farm];
            Roles[Hub] = SyntheticRole.Hub;
        }
        // Humans in shuffled order are cut into communities; the sorted copy is what other code iterates.
        _shuffledHumans = perm[(bots + farm)..];
        Humans = Sorted(_shuffledHumans);
        Array.Fill(FocusTopic, (short)-1);
    }

    private int[] _shuffledHumans = [];

    private void BuildCommunities(SyntheticOptions o)
    {
        var rng = new Xoshiro256StarStar(SplitMix64.Derive(o.Seed, CommunitiesStream));
        var c = o.ResolvedCommunities;
        var humans = _shuffledHumans.Length;
        const int minSize = 3;

        // Zipf sizes with lognormal noise: a few big communities and a long tail of small ones.
        var weights = new double[c];
        var totalWeight = 0.0;
        for (var k = 0; k < c; k++)
        {
            weights[k] = Math.Pow(k + 1, -o.CommunitySizeExponent) * Sampling.LogNormalUnitMean(ref rng, 0.3);
            totalWeight += weights[k];
        }
        var sizes = new int[c];
        var spare = humans - (minSize * c);
        var assigned = 0;
        for (var k = 0; k < c; k++)
        {
            sizes[k] = minSize + (int)Math.Floor(spare * weights[k] / totalWeight);
            assigned += sizes[k];
        }
        for (var k = 0; assigned < humans; k = (k + 1) % c)
        {
            sizes[k]++;
            assigned++;
        }
        Shuffle(ref rng, sizes); // community ids do not reveal size rank

        CommunityMembers = new int[c][];
        var start = 0;
        for (var k = 0; k < c; k++)
        {
            CommunityMembers[k] = Sorted(_shuffledHumans.AsSpan(start, sizes[k]));
            foreach (var m in CommunityMembers[k])
            {
                CommunityOf[m] = k;
            }
            start += sizes[k];
        }

        // Topics: the first twelve communities cover every topic once; the rest draw by popularity. 1–3 topics each.
        var topics = SyntheticVocabulary.Topics;
        var popularity = new AliasTable([.. topics.Select(t => t.Popularity)]);
        var order = new int[topics.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Shuffle(ref rng, order);
        CommunityTopics = new int[c][];
        CommunityUtcOffset = new int[c];
        int[] offsets = [-8, -5, -5, -3, 0, 0, 1, 1, 2, 3, 5, 8, 9];
        for (var k = 0; k < c; k++)
        {
            var count = 1 + (Sampling.Bernoulli(ref rng, 0.45) ? 1 : 0) + (Sampling.Bernoulli(ref rng, 0.2) ? 1 : 0);
            var list = new List<int>(count) { k < order.Length ? order[k] : popularity.Sample(ref rng) };
            for (var attempt = 0; list.Count < count && attempt < 20; attempt++)
            {
                var t = popularity.Sample(ref rng);
                if (!list.Contains(t))
                {
                    list.Add(t);
                }
            }
            CommunityTopics[k] = [.. list];
            CommunityUtcOffset[k] = offsets[rng.NextInt(offsets.Length)];
        }
    }

    private void PlantExpertsAndPod(SyntheticOptions o)
    {
        var rng = new Xoshiro256StarStar(SplitMix64.Derive(o.Seed, PlantingStream));
        var c = CommunityMembers.Length;

        // Experts live in communities large enough for a tight following of 8–20 people, one expert per community where possible.
        var candidates = Enumerable.Range(0, c).Where(k => CommunityMembers[k].Length >= 12).ToArray();
        if (candidates.Length == 0)
        {
            candidates = [.. Enumerable.Range(0, c).Where(k => CommunityMembers[k].Length >= 4)];
        }
        Shuffle(ref rng, candidates);
        var experts = new List<int>();
        var circles = new List<int[]>();
        for (var e = 0; e < o.ResolvedExperts && candidates.Length > 0; e++)
        {
            var k = candidates[e % candidates.Length];
            var members = CommunityMembers[k];
            var expert = -1;
            for (var attempt = 0; attempt < 100 && expert < 0; attempt++)
            {
                var m = members[rng.NextInt(members.Length)];
                if (Roles[m] == SyntheticRole.Human)
                {
                    expert = m;
                }
            }
            if (expert < 0)
            {
                continue;
            }
            Roles[expert] = SyntheticRole.Expert;
            var topics = CommunityTopics[k];
            FocusTopic[expert] = (short)topics[rng.NextInt(topics.Length)];
            var circleSize = Math.Min(members.Length - 1, 8 + rng.NextInt(13));
            var circle = new List<int>(circleSize);
            for (var attempt = 0; circle.Count < circleSize && attempt < circleSize * 20; attempt++)
            {
                var m = members[rng.NextInt(members.Length)];
                if (m != expert && !circle.Contains(m))
                {
                    circle.Add(m);
                }
            }
            circle.Sort();
            experts.Add(expert);
            circles.Add([.. circle]);
        }
        // Keep experts (and their circles) in account order so the truth lists are sorted.
        var byAccount = Enumerable.Range(0, experts.Count).OrderBy(i => experts[i]).ToArray();
        Experts = [.. byAccount.Select(i => experts[i])];
        ExpertCircles = [.. byAccount.Select(i => circles[i])];

        var pod = new List<int>(o.PodSize);
        for (var attempt = 0; pod.Count < o.PodSize && attempt < o.PodSize * 1000; attempt++)
        {
            var m = Humans[rng.NextInt(Humans.Length)];
            if (Roles[m] == SyntheticRole.Human)
            {
                Roles[m] = SyntheticRole.Pod;
                pod.Add(m);
            }
        }
        pod.Sort();
        Pod = [.. pod];
    }

    private void AssignAttributes(SyntheticOptions o)
    {
        var rng = new Xoshiro256StarStar(SplitMix64.Derive(o.Seed, AttributesStream));
        var basePostRate = o.MeanPostsPerPerson / o.Days;
        var humanRateSum = 0.0;
        for (var i = 0; i < Count; i++)
        {
            // Draw the same number of values for every account so one role's change does not shift the others.
            var fitness = Sampling.LogNormalUnitMean(ref rng, 1.4);
            var activity = 0.5 * Sampling.LogNormalUnitMean(ref rng, 0.9);
            var quality = Sampling.LogNormalUnitMean(ref rng, 0.5);
            var rate = Sampling.LogNormalUnitMean(ref rng, 1.1) * Math.Pow(fitness, 0.2);
            var campaign = rng.NextInt(SyntheticVocabulary.SpamTemplates.Length);
            switch (Roles[i])
            {
                case SyntheticRole.Bot:
                    Fitness[i] = 0;
                    BotPace[i] = (float)Math.Sqrt(activity / 0.5); // bots act through their own burst model, not as followers
                    Quality[i] = 0.2f;
                    Campaign[i] = (byte)campaign;
                    break;
                case SyntheticRole.Farm:
                    Fitness[i] = 0;
                    Activity[i] = 0.02f;
                    Quality[i] = 0.3f;
                    PostRate[i] = 0.08f;
                    break;
                default:
                    Fitness[i] = (float)fitness;
                    Activity[i] = (float)activity;
                    Quality[i] = (float)quality;
                    PostRate[i] = (float)rate;
                    humanRateSum += rate;
                    break;
            }
        }
        // Scale human posting so that the mean over humans is exactly MeanPostsPerPerson over the window.
        var scale = humanRateSum > 0 ? basePostRate * Humans.Length / humanRateSum : 0;
        foreach (var h in Humans)
        {
            PostRate[h] = (float)(PostRate[h] * scale);
        }
        foreach (var e in Experts)
        {
            // Low overall: few followers (their circle) and a steady, moderate output on one topic.
            Fitness[e] *= 0.05f;
            PostRate[e] = Math.Clamp(PostRate[e], 0.3f, 0.8f);
            Quality[e] = Math.Max(Quality[e], 1f);
        }
        foreach (var circle in ExpertCircles)
        {
            foreach (var m in circle)
            {
                Activity[m] = Math.Max(Activity[m], 0.6f);
            }
        }
        foreach (var m in Pod)
        {
            PostRate[m] = Math.Max(PostRate[m], 0.4f);
        }
        if (Hub >= 0)
        {
            PostRate[Hub] = Math.Max(PostRate[Hub], 1f);
            Quality[Hub] = 0.5f;
        }
    }

    private void AssignNames(SyntheticOptions o)
    {
        var seed = SplitMix64.Derive(o.Seed, NamesStream);
        var taken = new HashSet<string>(Count, StringComparer.Ordinal); // membership only: never iterated
        var sb = new StringBuilder(32);
        for (var i = 0; i < Count; i++)
        {
            Ids[i] = "u" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var rng = new Xoshiro256StarStar(SplitMix64.Derive(seed, (ulong)i));
            var (first, last) = Name(ref rng);
            var handle = HandleBase(ref rng, Roles[i], first, last, sb);
            for (var attempt = 0; !taken.Add(handle); attempt++)
            {
                handle = attempt < 3
                    ? handle + rng.NextInt(10).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : HandleBase(ref rng, Roles[i], first, last, sb) + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            Handles[i] = "@" + handle;
        }
    }

    /// <summary>The display name of account <paramref name="i"/>, recomputed from the same stream as its handle.</summary>
    public static string DisplayName(SyntheticOptions o, int i)
    {
        var rng = new Xoshiro256StarStar(SplitMix64.Derive(SplitMix64.Derive(o.Seed, NamesStream), (ulong)i));
        var (first, last) = Name(ref rng);
        return first + " " + last;
    }

    private static (string First, string Last) Name(ref Xoshiro256StarStar rng)
    {
        var s = SyntheticVocabulary.NameSyllables;
        var first = string.Concat(s[rng.NextInt(s.Length)], s[rng.NextInt(s.Length)], rng.NextInt(3) == 0 ? s[rng.NextInt(s.Length)] : "");
        var last = string.Concat(s[rng.NextInt(s.Length)], s[rng.NextInt(s.Length)],
            SyntheticVocabulary.SurnameEndings[rng.NextInt(SyntheticVocabulary.SurnameEndings.Length)]);
        return (Capitalise(first), Capitalise(last));
    }

    private static string HandleBase(ref Xoshiro256StarStar rng, SyntheticRole role, string first, string last, StringBuilder sb)
    {
        sb.Clear();
        var f = first.ToLowerInvariant();
        var l = last.ToLowerInvariant();
        switch (role)
        {
            case SyntheticRole.Bot:
                // Auto-generated sign-ups: a name and a long run of digits.
                sb.Append(f);
                for (var d = 0; d < 8; d++)
                {
                    sb.Append((char)('0' + rng.NextInt(10)));
                }
                break;
            case SyntheticRole.Farm when rng.NextInt(2) == 0:
                sb.Append(rng.NextInt(3) switch { 0 => f + "_f4f", 1 => "followback_" + f, _ => f + l + "fb" });
                break;
            default:
                sb.Append(rng.NextInt(5) switch
                {
                    0 or 1 => f + l,
                    2 => f + "_" + l,
                    3 => f + l[..Math.Min(2, l.Length)],
                    _ => f + rng.NextInt(10, 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
                break;
        }
        return sb.Length > 24 ? sb.ToString(0, 24) : sb.ToString();
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    internal static void Shuffle(ref Xoshiro256StarStar rng, Span<int> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static int[] Sorted(ReadOnlySpan<int> items)
    {
        var copy = items.ToArray();
        Array.Sort(copy);
        return copy;
    }

    /// <summary>The answer key for these accounts.</summary>
    public GroundTruth ToTruth(SyntheticOptions o) => new()
    {
        Options = o,
        Bots = [.. Bots.Select(i => Ids[i])],
        PodMembers = [.. Pod.Select(i => Ids[i])],
        FarmHub = Hub >= 0 ? Ids[Hub] : null,
        FarmAccounts = [.. Farm.Select(i => Ids[i])],
        TopicExperts = [.. Experts.Select((e, k) => new TopicExpertTruth(Ids[e], SyntheticVocabulary.Topics[FocusTopic[e]].Name, CommunityOf[e],
            SyntheticNiches.All[Niches.ExpertNiche[k]].Name))],
        Communities = [.. CommunityMembers.Select((members, k) => new CommunityTruth(
            k, [.. CommunityTopics[k].Select(t => SyntheticVocabulary.Topics[t].Name)], [.. members.Select(m => Ids[m])]))],
    };
}
