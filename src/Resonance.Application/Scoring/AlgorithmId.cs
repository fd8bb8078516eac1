using System.Globalization;

namespace Resonance.Application.Scoring;

/// <summary>A scoring algorithm and its version, written <c>name@version</c> (for example <c>resonance@1</c>).</summary>
/// <remarks>A version fixes the formula and every default parameter. Changing either means a new version; old runs keep theirs.</remarks>
public readonly record struct AlgorithmId(string Name, int Version)
{
    /// <summary>Parses <c>name@version</c>; throws <see cref="FormatException"/> naming the expected form.</summary>
    public static AlgorithmId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || !int.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            throw new FormatException($"'{text}' is not an algorithm id; expected NAME@VERSION, for example resonance@1.");
        }

        return new AlgorithmId(text[..at], version);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}@{Version}");
}
