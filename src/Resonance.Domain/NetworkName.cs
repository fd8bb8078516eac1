namespace Resonance.Domain;

/// <summary>Rules for network names such as <c>twitter</c>, <c>mastodon</c>, <c>bluesky</c> or a dataset name like <c>higgs</c>.</summary>
public static class NetworkName
{
    /// <summary>Longest accepted name.</summary>
    public const int MaxLength = 64;

    /// <summary>True when <paramref name="name"/> is 1–64 characters of lower-case ASCII letters, digits, '-', '_' or '.', starting with a letter or digit.</summary>
    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.Length is 0 or > MaxLength || !char.IsAsciiLetterLower(name[0]) && !char.IsAsciiDigit(name[0]))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Why a name is invalid, as a sentence; null when it is valid.</summary>
    public static string? Problem(string? name) => name is null
        ? "a network name is required"
        : IsValid(name) ? null
        : $"network name '{name}' must be 1-{MaxLength} lower-case letters, digits, '-', '_' or '.', starting with a letter or digit";
}
