using System.Runtime.InteropServices;

namespace Resonance.Storage.Postgres;

/// <summary>
/// The accounts one batch names that are not stored yet. Each gets a provisional id (−1, −2, … in order of first
/// mention) in its network's account map as soon as it is seen, so a batch is resolved in one pass with one hash
/// lookup per name; <see cref="Assign"/> turns them into the ids reserved from the sequence, in the same order.
/// </summary>
internal sealed class PendingAccounts
{
    private readonly List<Entry> _entries = [];
    private long _first;

    /// <summary>How many new accounts the batch named so far.</summary>
    public int Count => _entries.Count;

    /// <summary>The new accounts in order; the k-th takes the k-th reserved id.</summary>
    public IReadOnlyList<Entry> Entries => _entries;

    /// <summary>True for an id handed out by this batch and not yet assigned.</summary>
    public static bool IsProvisional(long id) => id < 0;

    /// <summary>The id of an account named by a post or interaction: stored, or provisional (added bare when new).</summary>
    public long Resolve(Dictionary<string, long> accounts, int networkId, string externalId)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(accounts, externalId, out var exists);
        if (!exists)
        {
            id = Next(accounts, networkId, externalId, null, null);
        }
        return id;
    }

    /// <summary>Adds an account record's new account and returns its provisional id.</summary>
    public long Add(Dictionary<string, long> accounts, int networkId, string externalId, string? handle, string? displayName)
    {
        var id = Next(accounts, networkId, externalId, handle, displayName);
        accounts[externalId] = id;
        return id;
    }

    /// <summary>Replaces the provisional ids in the account maps by <paramref name="first"/>, <paramref name="first"/>+1, ….</summary>
    public void Assign(long first)
    {
        _first = first;
        for (var k = 0; k < _entries.Count; k++)
        {
            _entries[k].Accounts[_entries[k].ExternalId] = first + k;
        }
    }

    /// <summary>The real id for <paramref name="id"/> once <see cref="Assign"/> has run.</summary>
    public long Final(long id) => IsProvisional(id) ? _first - id - 1 : id;

    private long Next(Dictionary<string, long> accounts, int networkId, string externalId, string? handle, string? displayName)
    {
        _entries.Add(new Entry(accounts, networkId, externalId, handle, displayName));
        return -_entries.Count;
    }

    /// <summary>A new account, and the map its id goes into.</summary>
    public readonly record struct Entry(Dictionary<string, long> Accounts, int NetworkId, string ExternalId, string? Handle, string? DisplayName);
}
