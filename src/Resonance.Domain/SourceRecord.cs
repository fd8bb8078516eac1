namespace Resonance.Domain;

/// <summary>One item read from an input file: exactly one of an account, a post, an interaction or an error.</summary>
/// <remarks>Readers never throw for a malformed record; they yield an error so that the importer can stop (strict) or skip it (lenient).</remarks>
public readonly record struct SourceRecord
{
    private SourceRecord(long line, Account? account, Post? post, Interaction? interaction, RecordError? error)
    {
        Line = line;
        Account = account;
        Post = post;
        Interaction = interaction;
        Error = error;
    }

    /// <summary>1-based line (or record) number in the source file.</summary>
    public long Line { get; }
    public Account? Account { get; }
    public Post? Post { get; }
    public Interaction? Interaction { get; }
    public RecordError? Error { get; }

    public static SourceRecord Of(long line, Account account) => new(line, account, null, null, null);
    public static SourceRecord Of(long line, Post post) => new(line, null, post, null, null);
    public static SourceRecord Of(long line, Interaction interaction) => new(line, null, null, interaction, null);
    public static SourceRecord Of(RecordError error) => new(error.Line, null, null, null, error);
}

/// <summary>A malformed record: where it is, which field is wrong, what is wrong, and the offending text.</summary>
/// <param name="File">The file name as given by the user.</param>
/// <param name="Line">1-based line (or record) number.</param>
/// <param name="Field">The field at fault, or null when the whole record is.</param>
/// <param name="Message">What is wrong, as a short clause (no trailing period).</param>
/// <param name="Text">The offending text, truncated to 200 characters.</param>
public sealed record RecordError(string File, long Line, string? Field, string Message, string Text)
{
    /// <summary>Longest offending text kept.</summary>
    public const int MaxTextLength = 200;

    /// <summary>Builds an error, truncating long offending text.</summary>
    public static RecordError At(string file, long line, string? field, string message, ReadOnlySpan<char> text) =>
        new(file, line, field, message, text.Length <= MaxTextLength ? text.ToString() : string.Concat(text[..MaxTextLength], "…"));

    /// <summary><c>FILE:LINE: field 'F': what is wrong (the offending text)</c>.</summary>
    public override string ToString() =>
        Field is null ? $"{File}:{Line}: {Message} ({Text})" : $"{File}:{Line}: field '{Field}': {Message} ({Text})";
}
