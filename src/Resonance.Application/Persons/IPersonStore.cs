namespace Resonance.Application.Persons;

/// <summary>What the person-level commands need from storage beyond claims (<see cref="Members.IMemberStore"/>) and runs
/// (<see cref="Scoring.IScoreStore"/>).</summary>
public interface IPersonStore
{
    /// <summary>The member whose email or user name is <paramref name="emailOrUserName"/> (case-insensitive; an email
    /// match wins over a user-name match), or null.</summary>
    Task<PersonRef?> FindMemberAsync(string emailOrUserName, CancellationToken ct = default);

    /// <summary>Removes the member's claim on one account, whatever its status; false when there was none.</summary>
    Task<bool> UnlinkAsync(string userId, long accountId, CancellationToken ct = default);
}

/// <summary>A member as the operator names them.</summary>
/// <param name="UserId">The Identity user id.</param>
/// <param name="UserName">Their user name.</param>
/// <param name="Email">Their email, when they gave one.</param>
public sealed record PersonRef(string UserId, string UserName, string? Email)
{
    /// <summary><c>user name (email)</c>, or the user name alone.</summary>
    public string Label => Email is null || Email == UserName ? UserName : $"{UserName} ({Email})";
}
