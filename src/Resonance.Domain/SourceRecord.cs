namespace Resonance.Domain;

/// <summary>One item read from an input file: exactly one of an account, a post, an interaction, an error, or a note
/// that a well-formed item was skipped.</summary>
/// <remarks>Readers never throw for a malformed record; they yield an error so that the importer can stop (strict) or skip it (lenient).
/// A well-formed item the format carries but Resonance does not import (a Bluesky list, a block, an obsolete record
/// type) is yielded as <see cref="Skip"/> with a short description, so the import summary can count what was left out.</remarks>
public readonly record struct SourceRecord
{
    private SourceRecord(long line, Account? account, Post? post, Interaction? interaction, RecordError? error, string? skipped = null)
    {
        Skipped = skipped;
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

    /// <summary>What was skipped (for example a record type such as <c>app.bsky.graph.block</c>); null unless made by <see cref="Skip"/>.</summary>
    public string? Skipped { get; }

    public static SourceRecord Of(long line, Account account) => new(line, account, null, null, null);
    public static SourceRecord Of(long line, Post post) => new(line, null, post, null, null);
    public static SourceRecord Of(long line, Interaction interaction) => new(line, null, null, interaction, null);
    public static SourceRecord Of(RecordError error) => new(error.Line, null, null, null, error);

    /// <summary>A well-formed item deliberately not imported, counted under <paramref name="what"/> in the import summary.</summary>
    public static SourceRecord Skip(long line, string what) => new(line, null, null, null, null, what);
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
