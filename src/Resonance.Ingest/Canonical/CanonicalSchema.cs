namespace Resonance.Ingest.Canonical;

/// <summary>Field names and which fields each record type allows and requires, shared by the canonical readers and writer.</summary>
internal static class CanonicalSchema
{
    /// <summary>Number of <see cref="CanonicalField"/> values.</summary>
    public const int FieldCount = (int)CanonicalField.Weight + 1;

    private static readonly string[] Names =
    [
        "type", "network", "id", "handle", "display_name", "author", "created", "text", "hashtags", "reply_to", "quote_of",
        "repost_of", "time", "actor", "target", "kind", "post", "weight",
    ];

    private static readonly byte[][] Utf8Names = [.. Names.Select(n => System.Text.Encoding.UTF8.GetBytes(n))];

    /// <summary>Every record type, in the order the CSV header detection tries them.</summary>
    public static IReadOnlyList<CanonicalType> Types { get; } = [CanonicalType.Interaction, CanonicalType.Account, CanonicalType.Post];

    /// <summary>The snake_case name of a field, as written in files and error messages.</summary>
    public static string Name(CanonicalField field) => Names[(int)field];

    /// <summary>The UTF-8 bytes of <see cref="Name"/>.</summary>
    public static ReadOnlySpan<byte> Utf8Name(CanonicalField field) => Utf8Names[(int)field];

    /// <summary>The field named <paramref name="name"/>, or false when no field has that name.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out CanonicalField field)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (name.SequenceEqual(Names[i]))
            {
                field = (CanonicalField)i;
                return true;
            }
        }
        field = default;
        return false;
    }

    /// <summary>The value of the <c>type</c> field for a record type.</summary>
    public static string TypeName(CanonicalType type) => type switch
    {
        CanonicalType.Account => "account",
        CanonicalType.Post => "post",
        _ => "interaction",
    };

    /// <summary>Parses a <c>type</c> value.</summary>
    public static bool TryParseType(ReadOnlySpan<char> text, out CanonicalType type)
    {
        switch (text)
        {
            case "account": type = CanonicalType.Account; return true;
            case "post": type = CanonicalType.Post; return true;
            case "interaction": type = CanonicalType.Interaction; return true;
            default: type = default; return false;
        }
    }

    private static readonly CanonicalField[] AccountFields =
        [CanonicalField.Network, CanonicalField.Id, CanonicalField.Handle, CanonicalField.DisplayName];

    private static readonly CanonicalField[] PostFields =
    [
        CanonicalField.Network, CanonicalField.Id, CanonicalField.Author, CanonicalField.Created, CanonicalField.Text,
        CanonicalField.Hashtags, CanonicalField.ReplyTo, CanonicalField.QuoteOf, CanonicalField.RepostOf,
    ];

    private static readonly CanonicalField[] InteractionFields =
    [
        CanonicalField.Network, CanonicalField.Time, CanonicalField.Actor, CanonicalField.Target, CanonicalField.Kind,
        CanonicalField.Post, CanonicalField.Weight,
    ];

    /// <summary>The data fields of a record type, in the order the writer emits them (excluding <c>type</c>).</summary>
    public static ReadOnlySpan<CanonicalField> Fields(CanonicalType type) => type switch
    {
        CanonicalType.Account => AccountFields,
        CanonicalType.Post => PostFields,
        _ => InteractionFields,
    };

    /// <summary>True when a record of <paramref name="type"/> may carry <paramref name="field"/>.</summary>
    public static bool Allows(CanonicalType type, CanonicalField field) => field == CanonicalField.Type || Fields(type).Contains(field);

    /// <summary>Fields a record of <paramref name="type"/> must have (network too, unless <c>--network</c> supplies it).</summary>
    public static bool Requires(CanonicalType type, CanonicalField field) => field == CanonicalField.Network || type switch
    {
        CanonicalType.Account => field == CanonicalField.Id,
        CanonicalType.Post => field is CanonicalField.Id or CanonicalField.Author or CanonicalField.Created,
        _ => field is CanonicalField.Actor or CanonicalField.Target or CanonicalField.Kind,
    };
}
