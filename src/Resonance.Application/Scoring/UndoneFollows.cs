using Resonance.Domain;

namespace Resonance.Application.Scoring;

/// <summary>Unfollows in scoring: an unfollow is never engagement, and a follow undone by a later unfollow of the same
/// (actor, target) among the same rows (the run's window) no longer counts as a follow.</summary>
/// <remarks>
/// <para>Rule: a follow a → b at time t is undone when the rows hold an unfollow a → b at a time u ≥ t; a follow after
/// the last unfollow (a re-follow) stands. Times follow <see cref="ScoringInput.Untimed"/>'s meaning, "current": an
/// untimed unfollow undoes every follow of the pair, and an untimed follow is undone only by an untimed unfollow.</para>
/// <para>Rows without any unfollow are returned as they are (the same list), so inputs without unfollow events score
/// exactly as before.</para>
/// <para>Complexity: O(m) expected (one pass and one hash look-up per follow). Determinism: the result depends only on
/// the set of rows, not their order; no threads.</para>
/// </remarks>
public static class UndoneFollows
{
    /// <summary>Splits <paramref name="rows"/> (indices into <paramref name="input"/>) into those that count in scoring
    /// (<c>Standing</c>, in the given order) and the unfollows with the follows they undo (<c>Undone</c>, in the given
    /// order; empty when there is no unfollow).</summary>
    public static (List<int> Standing, List<int> Undone) Split(ScoringInput input, List<int> rows)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rows);
        var lastUnfollow = new Dictionary<(long, long), long>();
        foreach (var i in rows)
        {
            if (input.Kinds[i] == InteractionKind.Unfollow)
            {
                var key = (input.ActorIds[i], input.TargetIds[i]);
                var u = Current(input.TimesMs[i]);
                lastUnfollow[key] = lastUnfollow.TryGetValue(key, out var seen) ? Math.Max(seen, u) : u;
            }
        }

        if (lastUnfollow.Count == 0)
        {
            return (rows, []);
        }

        List<int> standing = [], undone = [];
        foreach (var i in rows)
        {
            var isUndone = input.Kinds[i] == InteractionKind.Unfollow
                || (input.Kinds[i] == InteractionKind.Follow && lastUnfollow.TryGetValue((input.ActorIds[i], input.TargetIds[i]), out var u)
                    && Current(input.TimesMs[i]) <= u);
            (isUndone ? undone : standing).Add(i);
        }

        return (standing, undone);
    }

    /// <summary>Untimed means current: later than any timed row.</summary>
    private static long Current(long timeMs) => timeMs == ScoringInput.Untimed ? long.MaxValue : timeMs;
}
