using System.Security.Cryptography;
using System.Text;

namespace Resonance.Application.Members;

/// <summary>The tombstones of opted-out accounts and their posts: salted SHA-256 hashes of (network, external id), so
/// that imports can skip an erased person, and others' reposts of and references to their posts, without the instance
/// keeping who they were.</summary>
/// <remarks>The salt is per instance and never leaves the database, so a tombstone cannot be matched against a list of
/// known ids elsewhere. Hashing costs about a microsecond per id, and is skipped entirely while nobody has opted out.</remarks>
public sealed class ErasedAccounts
{
    private readonly byte[] _salt;
    private readonly HashSet<string> _hashes;

    /// <summary>Tombstones with <paramref name="salt"/> and the stored <paramref name="hashes"/> (lower-case hex).</summary>
    public ErasedAccounts(byte[] salt, IEnumerable<string> hashes)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(hashes);
        _salt = salt;
        _hashes = new HashSet<string>(hashes, StringComparer.Ordinal);
    }

    /// <summary>No tombstones: nothing to check.</summary>
    public static ErasedAccounts None { get; } = new([], []);

    /// <summary>True when nobody has opted out.</summary>
    public bool IsEmpty => _hashes.Count == 0;

    /// <summary>True when the account was erased.</summary>
    public bool Contains(string network, string externalId) => !IsEmpty && _hashes.Contains(Hash(_salt, network, externalId));

    /// <summary>True when the post (by an erased account) was erased.</summary>
    public bool ContainsPost(string network, string? postId) => !IsEmpty && postId is not null && _hashes.Contains(PostHash(_salt, network, postId));

    /// <summary>The tombstone of one post: as <see cref="Hash"/>, in a separate domain (<c>post</c> ‖ 0x1f ‖ network).</summary>
    public static string PostHash(byte[] salt, string network, string postId) => Hash(salt, "post\u001f" + network, postId);

    /// <summary>The tombstone of one account: hex SHA-256 of salt ‖ network ‖ 0x1f ‖ external id (UTF-8).</summary>
    public static string Hash(byte[] salt, string network, string externalId)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(externalId);
        var text = Encoding.UTF8.GetBytes($"{network}\u001f{externalId}");
        var input = new byte[salt.Length + text.Length];
        salt.CopyTo(input, 0);
        text.CopyTo(input, salt.Length);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }
}
