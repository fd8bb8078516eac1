using System.Buffers;

namespace Resonance.Ingest.Formats.Bluesky.Syntax;

/// <summary>Character sets shared by the hand-written syntax checks.</summary>
internal static class SyntaxChars
{
    private const string AsciiLettersDigits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>ASCII letters and digits.</summary>
    public static readonly SearchValues<char> LettersDigits = SearchValues.Create(AsciiLettersDigits);

    /// <summary>ASCII letters, digits and <c>-</c>.</summary>
    public static readonly SearchValues<char> LettersDigitsHyphen = SearchValues.Create(AsciiLettersDigits + "-");

    /// <summary>The record key alphabet: ASCII letters, digits and <c>_~.:-</c>.</summary>
    public static readonly SearchValues<char> RecordKeyChars = SearchValues.Create(AsciiLettersDigits + "_~.:-");
}
