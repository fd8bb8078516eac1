namespace Resonance.Application.Members;

/// <summary>Who is looking: anonymous, or a signed-in user with roles. Every page and API response about people is
/// built for a viewer, and <see cref="MaySee"/> is the one rule that decides whether a person is named.</summary>
/// <param name="UserId">The signed-in user's id, or null for an anonymous visitor.</param>
/// <param name="IsMarketer">The user has the marketer role.</param>
/// <param name="IsAdmin">The user has the admin role.</param>
public sealed record Viewer(string? UserId, bool IsMarketer = false, bool IsAdmin = false)
{
    /// <summary>An anonymous visitor.</summary>
    public static Viewer Anonymous { get; } = new((string?)null);

    /// <summary>True when signed in.</summary>
    public bool IsSignedIn => UserId is not null;

    /// <summary>Whether this viewer may see the identity and score of the account behind <paramref name="consent"/>
    /// (null: nobody has claimed it, so nobody may). The holder always sees their own; others only when the holder
    /// chose to be visible to signed-in users (or discoverable) and the viewer is signed in. Admins get no exception:
    /// running the instance does not entitle anyone to private scores.</summary>
    public bool MaySee(Consent? consent) =>
        consent is not null
        && (consent.UserId == UserId || (IsSignedIn && consent.Visibility >= Visibility.SignedIn));
}
