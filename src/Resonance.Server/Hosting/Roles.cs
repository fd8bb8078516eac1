namespace Resonance.Server.Hosting;

/// <summary>The roles of the instance. Everyone who signs up is a member; marketers and admins are granted by an admin
/// (or by the demo).</summary>
public static class Roles
{
    public const string Member = "member";
    public const string Marketer = "marketer";
    public const string Admin = "admin";

    /// <summary>Every role, created at start-up.</summary>
    public static IReadOnlyList<string> All { get; } = [Member, Marketer, Admin];
}
