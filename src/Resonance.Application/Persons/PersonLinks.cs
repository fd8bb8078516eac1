using Resonance.Application.Members;
using Resonance.Application.Scoring;

namespace Resonance.Application.Persons;

/// <summary>The operator's <c>link</c> and <c>unlink</c>: a member's verified claims on network accounts, proven by the
/// operator's (admin's) approval.</summary>
public sealed class PersonLinks(IPersonStore persons, IMemberStore members, IScoreStore scores)
{
    /// <summary>The member named by email or user name; throws <see cref="ArgumentException"/> when there is none.</summary>
    public async Task<PersonRef> PersonAsync(string emailOrUserName, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailOrUserName);
        return await persons.FindMemberAsync(emailOrUserName.Trim(), ct).ConfigureAwait(false)
            ?? throw new ArgumentException($"no member '{emailOrUserName.Trim()}' (by email or user name). Members sign up in the web app (resonance serve).");
    }

    /// <summary>The member's verified accounts, by network then label.</summary>
    public async Task<IReadOnlyList<AccountRef>> AccountsOfAsync(PersonRef person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var claims = await members.ClaimsOfAsync(person.UserId, ct).ConfigureAwait(false);
        return [.. claims.Where(c => c.Status == ClaimStatus.Verified).Select(c => c.Account)
            .OrderBy(a => a.Network, StringComparer.Ordinal).ThenBy(a => a.Label, StringComparer.Ordinal)];
    }

    /// <summary>Links <paramref name="account"/> (<c>network:id-or-handle</c>) to the member as a verified claim proven
    /// by admin approval. Returns the claim and whether it was already linked. Throws <see cref="ArgumentException"/>
    /// for an unknown member or account, <see cref="InvalidOperationException"/> when another member holds it.</summary>
    public async Task<(PersonRef Person, ClaimInfo Claim, bool AlreadyLinked)> LinkAsync(string person, string account, CancellationToken ct = default)
    {
        var who = await PersonAsync(person, ct).ConfigureAwait(false);
        var what = await AccountNames.ResolveAsync(scores, account, ct).ConfigureAwait(false);
        var holders = await members.ConsentsAsync([what.Id], ct).ConfigureAwait(false);
        if (holders.TryGetValue(what.Id, out var holder) && holder.UserId != who.UserId)
        {
            throw new InvalidOperationException(
                $"{what.Label} is already linked to another member ({holder.UserName}); unlink it there first: resonance unlink {holder.UserName} {what.Label}");
        }

        var claim = await members.ClaimAsync(who.UserId, what, ct).ConfigureAwait(false);
        if (claim.Status == ClaimStatus.Verified)
        {
            return (who, claim, true);
        }

        var decided = await members.DecideClaimAsync(claim.Id, approve: true, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"the claim on {what.Label} changed while it was being linked; try again.");
        return (who, decided, false);
    }

    /// <summary>Removes the member's claim on <paramref name="account"/>; throws <see cref="ArgumentException"/> when
    /// the member, the account or the link does not exist.</summary>
    public async Task<(PersonRef Person, AccountRef Account)> UnlinkAsync(string person, string account, CancellationToken ct = default)
    {
        var who = await PersonAsync(person, ct).ConfigureAwait(false);
        var what = await AccountNames.ResolveAsync(scores, account, ct).ConfigureAwait(false);
        if (!await persons.UnlinkAsync(who.UserId, what.Id, ct).ConfigureAwait(false))
        {
            throw new ArgumentException($"{what.Label} is not linked to {who.UserName}; see `resonance person {who.UserName}`.");
        }

        return (who, what);
    }
}
