using System.Security.Claims;
using Resonance.Application.Members;

namespace Resonance.Server.Hosting;

/// <summary>The <see cref="Viewer"/> behind a request: who is signed in and with which roles.</summary>
public static class Viewers
{
    /// <summary>The viewer for <paramref name="user"/> (anonymous when not authenticated).</summary>
    public static Viewer From(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? new Viewer(id, user.IsInRole(Roles.Marketer), user.IsInRole(Roles.Admin))
            : Viewer.Anonymous;
}
