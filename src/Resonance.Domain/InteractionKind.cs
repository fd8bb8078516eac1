namespace Resonance.Domain;

/// <summary>What an actor did to a target account or its content.</summary>
/// <remarks>
/// The numeric values are stored in the database and must never be renumbered.
/// Direction is fixed: the actor acted on the target's content or person, so influence flows from target to actor.
/// </remarks>
public enum InteractionKind : short
{
    /// <summary>The actor follows the target.</summary>
    Follow = 1,
    /// <summary>The actor reposted (retweeted, boosted) the target's post.</summary>
    Repost = 2,
    /// <summary>The actor quoted the target's post in a post of their own.</summary>
    Quote = 3,
    /// <summary>The actor replied to the target's post.</summary>
    Reply = 4,
    /// <summary>The actor mentioned the target.</summary>
    Mention = 5,
    /// <summary>The actor liked (favourited) the target's post.</summary>
    Like = 6,
    /// <summary>The actor stopped following the target. Never engagement: it undoes an earlier follow of the same target
    /// and is otherwise seen only by the integrity signals (follow churn, action rate).</summary>
    Unfollow = 7,
}

/// <summary>Text names of <see cref="InteractionKind"/> as used in every file format and on the command line.</summary>
public static class InteractionKinds
{
    /// <summary>All kinds, in the order of their numeric values.</summary>
    public static IReadOnlyList<InteractionKind> All { get; } =
        [InteractionKind.Follow, InteractionKind.Repost, InteractionKind.Quote, InteractionKind.Reply, InteractionKind.Mention, InteractionKind.Like, InteractionKind.Unfollow];

    /// <summary>The kinds that carry a weight in scoring (every kind but <see cref="InteractionKind.Unfollow"/>, which only
    /// undoes a follow).</summary>
    public static IReadOnlyList<InteractionKind> Weighted { get; } =
        [InteractionKind.Follow, InteractionKind.Repost, InteractionKind.Quote, InteractionKind.Reply, InteractionKind.Mention, InteractionKind.Like];

    /// <summary>The lower-case name of a kind, for example <c>repost</c>.</summary>
    public static string Name(InteractionKind kind) => kind switch
    {
        InteractionKind.Follow => "follow",
        InteractionKind.Repost => "repost",
        InteractionKind.Quote => "quote",
        InteractionKind.Reply => "reply",
        InteractionKind.Mention => "mention",
        InteractionKind.Like => "like",
        InteractionKind.Unfollow => "unfollow",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown interaction kind."),
    };

    /// <summary>Parses a lower-case kind name; returns false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out InteractionKind kind)
    {
        kind = text switch
        {
            "follow" => InteractionKind.Follow,
            "repost" => InteractionKind.Repost,
            "quote" => InteractionKind.Quote,
            "reply" => InteractionKind.Reply,
            "mention" => InteractionKind.Mention,
            "like" => InteractionKind.Like,
            "unfollow" => InteractionKind.Unfollow,
            _ => 0,
        };
        return kind != 0;
    }

    /// <summary>The accepted names, for error messages and help text.</summary>
    public static string Names => "follow, repost, quote, reply, mention, like, unfollow";
}
