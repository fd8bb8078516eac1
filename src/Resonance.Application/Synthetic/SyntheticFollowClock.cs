using Resonance.Engine.Randomness;

namespace Resonance.Application.Synthetic;

/// <summary>When each follow edge happens, as seconds from the window start: a pure function of (actor, target), so it needs no storage.</summary>
/// <remarks>
/// Humans follow at a uniformly drawn day and a time of day drawn from their community's daily rhythm. Bots and farm accounts
/// follow in a few one-hour bursts each (mass following). A farm account follows back a fellow farm account within minutes of
/// being followed (the initiator of each farm pair is a hash of the pair), and a person who follows a farm account back does so
/// hours after the farm followed them. Follow-backs that would fall past the window end are clamped to its last second.
/// </remarks>
internal sealed class SyntheticFollowClock
{
    private const int BotBursts = 3, FarmBursts = 5, BurstSeconds = 3_600;
    private readonly SyntheticPopulation _pop;
    private readonly ulong _edgeSeed;
    private readonly ulong _burstSeed;
    private readonly int _days;
    private readonly int _window;
    private readonly double[] _hourCumulative;

    public SyntheticFollowClock(SyntheticOptions o, SyntheticPopulation pop)
    {
        _pop = pop;
        _edgeSeed = SplitMix64.Derive(o.Seed, 20);
        _burstSeed = SplitMix64.Derive(o.Seed, 21);
        _days = o.Days;
        _window = o.Days * 86_400;
        _hourCumulative = Cumulative(SyntheticVocabulary.HourlyActivity);
    }

    /// <summary>Seconds from the start at which <paramref name="actor"/> follows <paramref name="target"/>, in [0, window).</summary>
    public int Time(int actor, int target)
    {
        var roles = _pop.Roles;
        SyntheticRole ra = roles[actor], rt = roles[target];
        if (ra == SyntheticRole.Farm && rt == SyntheticRole.Farm)
        {
            var (low, high) = actor < target ? (actor, target) : (target, actor);
            var initiator = (Hash(low, high) & 1) == 0 ? low : high;
            return initiator == actor
                ? Burst(actor, target, FarmBursts)
                : Clamp(Burst(target, actor, FarmBursts) + Delay(actor, target, 900));
        }
        if (ra is SyntheticRole.Farm or SyntheticRole.Bot)
        {
            return Burst(actor, target, ra == SyntheticRole.Farm ? FarmBursts : BotBursts);
        }
        if (rt == SyntheticRole.Farm)
        {
            return Clamp(Burst(target, actor, FarmBursts) + Delay(actor, target, 6 * 3_600));
        }
        return Organic(actor, target);
    }

    /// <summary>A second of a day, in UTC, drawn from the daily rhythm of a community with the given UTC offset.</summary>
    public int SecondOfDay(double u, int withinHour, int utcOffsetHours)
    {
        var localHour = Array.BinarySearch(_hourCumulative, u);
        localHour = localHour >= 0 ? localHour + 1 : ~localHour;
        localHour = Math.Min(localHour, 23);
        var utcHour = ((localHour - utcOffsetHours) % 24 + 24) % 24;
        return (utcHour * 3_600) + withinHour;
    }

    private int Organic(int actor, int target)
    {
        var h = Hash(actor, target);
        var day = (int)(((h >> 32) * (ulong)_days) >> 32);
        var c = _pop.CommunityOf[actor];
        var offset = c >= 0 ? _pop.CommunityUtcOffset[c] : 0;
        var u = (h & 0xFFFF) / 65_536.0;
        var withinHour = (int)((h >> 16 & 0xFFFF) % 3_600);
        return (day * 86_400) + SecondOfDay(u, withinHour, offset);
    }

    private int Burst(int actor, int target, int bursts)
    {
        var h = Hash(actor, target);
        var burst = (ulong)((h >> 40) % (ulong)bursts);
        var span = (ulong)Math.Max(1, _window - BurstSeconds);
        var start = (int)(SplitMix64.Derive(_burstSeed, ((ulong)actor << 4) | burst) % span);
        return Math.Min(_window - 1, start + (int)((h & 0xFFFFFFFF) % BurstSeconds));
    }

    private int Delay(int actor, int target, double meanSeconds)
    {
        var h = Hash(target ^ 0x55555555, actor);
        var u = ((h >> 11) + 1) * (1.0 / (1UL << 53)); // (0, 1]
        return 60 + (int)Math.Min(-Math.Log(u) * meanSeconds, 3 * 86_400);
    }

    private int Clamp(int seconds) => Math.Min(seconds, _window - 1);

    private ulong Hash(int a, int b) => SplitMix64.Derive(_edgeSeed, ((ulong)(uint)a << 32) | (uint)b);

    private static double[] Cumulative(double[] weights)
    {
        var total = weights.Sum();
        var cumulative = new double[weights.Length];
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i];
            cumulative[i] = running / total;
        }
        return cumulative;
    }
}
