namespace Resonance.Application.Members;

/// <summary>Who may see a member's identity and score. Everyone starts <see cref="Private"/>: nothing is shown about a
/// person until they choose otherwise.</summary>
public enum Visibility
{
    /// <summary>Only the member (and operators running the instance, for support) see their score.</summary>
    Private = 0,

    /// <summary>Signed-in users of this instance see the member's name and score.</summary>
    SignedIn = 1,

    /// <summary>Signed-in users see them, and marketers can find and invite them.</summary>
    Discoverable = 2,
}

/// <summary>Names and parsing for <see cref="Visibility"/>.</summary>
public static class Visibilities
{
    /// <summary>The wire name: <c>private</c>, <c>signed-in</c> or <c>discoverable</c>.</summary>
    public static string Name(Visibility visibility) => visibility switch
    {
        Visibility.Private => "private",
        Visibility.SignedIn => "signed-in",
        Visibility.Discoverable => "discoverable",
        _ => throw new ArgumentOutOfRangeException(nameof(visibility)),
    };

    /// <summary>What the setting means, in a sentence for the privacy center.</summary>
    public static string Meaning(Visibility visibility) => visibility switch
    {
        Visibility.Private => "Only you can see your score. Everyone else sees you as an anonymous count.",
        Visibility.SignedIn => "People signed in to this Resonance instance can see your name and score.",
        Visibility.Discoverable => "Signed-in people can see you, and marketers can find you by topic and invite you.",
        _ => throw new ArgumentOutOfRangeException(nameof(visibility)),
    };

    /// <summary>Parses a wire name; false for anything else.</summary>
    public static bool TryParse(string? text, out Visibility visibility)
    {
        foreach (var v in Enum.GetValues<Visibility>())
        {
            if (string.Equals(Name(v), text, StringComparison.OrdinalIgnoreCase))
            {
                visibility = v;
                return true;
            }
        }
        visibility = default;
        return false;
    }
}
