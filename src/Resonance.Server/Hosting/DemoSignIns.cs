using Microsoft.AspNetCore.Identity;
using Resonance.Application.Members;
using Resonance.Application.Scoring;
using Resonance.Storage.Members;

namespace Resonance.Server.Hosting;

/// <summary>The demo's sign-ins: a member who has claimed a well-engaged account, a marketer and an admin, plus a few
/// members who chose to be seen, so that named people and anonymous counts both show up.</summary>
public static class DemoSignIns
{
    /// <summary>A demo sign-in as printed by <c>resonance demo</c>.</summary>
    public sealed record SignIn(string Role, string Email, string Password, string? Account);

    /// <summary>The demo password (printed; the demo database is local and throwaway).</summary>
    public const string Password = "Resonance-demo-1";

    /// <summary>Creates the demo users (idempotent) and returns their sign-ins: ada (member), mark (marketer), admin, then
    /// member1–member5. Needs at least one scored run for the members to hold accounts.</summary>
    public static async Task<IReadOnlyList<SignIn>> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MemberUser>>();
        var members = scope.ServiceProvider.GetRequiredService<IMemberStore>();
        var scores = scope.ServiceProvider.GetRequiredService<IScoreStore>();
        var runs = await scores.ListRunsAsync(ct).ConfigureAwait(false);
        var top = runs.Count == 0 ? [] : await scores.TopScoresAsync(runs[^1].Id, Math.Max(1, runs[^1].AccountsScored), ct).ConfigureAwait(false);

        var result = new List<SignIn>();
        // The member: an account around the top 5%, so the page has engagers, a history and an interval worth reading.
        var memberAccount = top.Count == 0 ? null : top[Math.Min(top.Count - 1, top.Count / 20)];
        result.Add(await EnsureAsync(users, members, scores, Roles.Member, "ada", memberAccount, Visibility.SignedIn, ct).ConfigureAwait(false));
        result.Add(await EnsureAsync(users, members, scores, Roles.Marketer, "mark", null, Visibility.Private, ct).ConfigureAwait(false));
        result.Add(await EnsureAsync(users, members, scores, Roles.Admin, "admin", null, Visibility.Private, ct).ConfigureAwait(false));
        // Visible members among the top accounts: some discoverable, one visible to signed-in members only.
        for (var i = 0; i < Math.Min(5, top.Count); i++)
        {
            result.Add(await EnsureAsync(users, members, scores, Roles.Member, $"member{i + 1}", top[i], i == 4 ? Visibility.SignedIn : Visibility.Discoverable, ct).ConfigureAwait(false));
        }
        return result;
    }

    private static async Task<SignIn> EnsureAsync(UserManager<MemberUser> users, IMemberStore members, IScoreStore scores, string role,
        string name, AccountScore? account, Visibility visibility, CancellationToken ct)
    {
        var email = $"{name}@demo.resonance";
        var user = await users.FindByEmailAsync(email).ConfigureAwait(false);
        if (user is null)
        {
            user = new MemberUser { UserName = name, Email = email, EmailConfirmed = true, Visibility = visibility, CreatedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
            Check(await users.CreateAsync(user, Password).ConfigureAwait(false));
            Check(await users.AddToRoleAsync(user, Roles.Member).ConfigureAwait(false));
            if (role != Roles.Member)
            {
                Check(await users.AddToRoleAsync(user, role).ConfigureAwait(false));
            }
        }
        string? label = null;
        if (account is not null && (await scores.DescribeAccountsAsync([account.AccountId], ct).ConfigureAwait(false)).TryGetValue(account.AccountId, out var named))
        {
            label = named.Label;
            var claim = await members.ClaimAsync(user.Id, named, ct).ConfigureAwait(false);
            if (claim.Status == ClaimStatus.Pending)
            {
                await members.DecideClaimAsync(claim.Id, approve: true, ct).ConfigureAwait(false);
            }
        }
        return new SignIn(role, email, Password, label);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("demo sign-in: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
