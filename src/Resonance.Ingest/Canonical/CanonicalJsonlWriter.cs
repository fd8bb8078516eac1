using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Resonance.Domain;

namespace Resonance.Ingest.Canonical;

/// <summary>Writes accounts, posts and interactions as canonical JSON Lines, the form <see cref="CanonicalJsonlReader"/> reads.</summary>
/// <remarks>
/// Output is deterministic: the same records give the same bytes on every machine. Fields come in a fixed order
/// (as in docs/data-formats.md); absent optional values (null ids and text, empty hashtags) are left out; numbers use
/// the shortest round-trip form; times are UTC (<c>2024-05-01T12:00:00Z</c>, with a fraction only when non-zero);
/// each record ends with <c>\n</c>. Non-ASCII text is written as is, not as <c>\u</c> escapes. The writer does not own
/// <see cref="TextWriter"/> and never closes it.
/// </remarks>
public sealed class CanonicalJsonlWriter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    private readonly TextWriter output;
    private readonly ArrayBufferWriter<byte> buffer = new(1024);
    private char[] chars = new char[1024];

    /// <summary>Creates a writer that appends records to <paramref name="output"/>.</summary>
    public CanonicalJsonlWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        this.output = output;
    }

    /// <summary>Writes one account line.</summary>
    public void Write(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        using var json = Begin("account", account.Network);
        json.WriteString("id", account.ExternalId);
        WriteOptional(json, "handle", account.Handle);
        WriteOptional(json, "display_name", account.DisplayName);
        End(json);
    }

    /// <summary>Writes one post line.</summary>
    public void Write(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        using var json = Begin("post", post.Network);
        json.WriteString("id", post.ExternalId);
        json.WriteString("author", post.AuthorId);
        json.WriteString("created", IsoTime.Format(post.CreatedAt));
        WriteOptional(json, "text", post.Text);
        if (post.Hashtags.Count > 0)
        {
            json.WriteStartArray("hashtags");
            foreach (var tag in post.Hashtags)
            {
                json.WriteStringValue(tag);
            }
            json.WriteEndArray();
        }
        WriteOptional(json, "reply_to", post.ReplyToPostId);
        WriteOptional(json, "quote_of", post.QuoteOfPostId);
        WriteOptional(json, "repost_of", post.RepostOfPostId);
        End(json);
    }

    /// <summary>Writes one interaction line.</summary>
    public void Write(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        using var json = Begin("interaction", interaction.Network);
        if (interaction.OccurredAt is { } time)
        {
            json.WriteString("time", IsoTime.Format(time));
        }
        json.WriteString("actor", interaction.ActorId);
        json.WriteString("target", interaction.TargetId);
        json.WriteString("kind", InteractionKinds.Name(interaction.Kind));
        WriteOptional(json, "post", interaction.PostId);
        json.WriteNumber("weight", interaction.Weight);
        End(json);
    }

    /// <summary>Writes the account, post or interaction that <paramref name="record"/> carries; throws for an error record.</summary>
    public void Write(SourceRecord record)
    {
        if (record.Account is { } account)
        {
            Write(account);
        }
        else if (record.Post is { } post)
        {
            Write(post);
        }
        else if (record.Interaction is { } interaction)
        {
            Write(interaction);
        }
        else
        {
            throw new ArgumentException("An error record cannot be written as canonical JSON Lines.", nameof(record));
        }
    }

    private Utf8JsonWriter Begin(string type, string network)
    {
        buffer.ResetWrittenCount();
        var json = new Utf8JsonWriter(buffer, JsonOptions);
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("network", network);
        return json;
    }

    private void End(Utf8JsonWriter json)
    {
        json.WriteEndObject();
        json.Flush();
        var bytes = buffer.WrittenSpan;
        var needed = Encoding.UTF8.GetMaxCharCount(bytes.Length) + 1;
        if (needed > chars.Length)
        {
            chars = new char[Math.Max(needed, chars.Length * 2)];
        }
        var length = Encoding.UTF8.GetChars(bytes, chars);
        chars[length] = '\n';
        output.Write(chars, 0, length + 1);
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
