using Microsoft.AspNetCore.Identity;
using Resonance.Application.Members;

namespace Resonance.Storage.Members;

/// <summary>A person signed up to this instance (ASP.NET Core Identity user) and their privacy choice.</summary>
public sealed class MemberUser : IdentityUser
{
    /// <summary>Who may see their identity and score; private until they choose otherwise.</summary>
    public Visibility Visibility { get; set; } = Visibility.Private;

    /// <summary>When they signed up (Unix ms).</summary>
    public long CreatedAtMs { get; set; }
}
