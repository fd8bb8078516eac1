using Resonance.Domain;

namespace Resonance.Ingest.Formats.Twitter;

/// <summary>Emits each account once per read, and again only when it gains a handle or display name.</summary>
/// <remarks>
/// Twitter responses repeat the same users on every page; without this the import summary would count most account
/// records as duplicates. The set stops growing at <see cref="MaxEntries"/> accounts, after which accounts are emitted
/// as they come (the store drops duplicates by natural key), so memory stays bounded.
/// </remarks>
internal sealed class AccountSet
{
    /// <summary>Most accounts remembered.</summary>
    public const int MaxEntries = 1 << 20;

    private readonly Dictionary<string, (bool Handle, bool Name)> seen = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="account"/> to <paramref name="output"/> unless an account with the same id and at
    /// least as much detail was already added.</summary>
    public void Add(Account account, long line, List<SourceRecord> output)
    {
        var detail = (account.Handle is not null, account.DisplayName is not null);
        if (seen.TryGetValue(account.ExternalId, out var known) && (known.Handle || !detail.Item1) && (known.Name || !detail.Item2))
        {
            return;
        }
        if (seen.Count < MaxEntries || seen.ContainsKey(account.ExternalId))
        {
            seen[account.ExternalId] = (known.Handle || detail.Item1, known.Name || detail.Item2);
        }
        output.Add(SourceRecord.Of(line, account));
    }
}
