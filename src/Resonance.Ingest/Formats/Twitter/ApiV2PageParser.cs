using System.Text.Json;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Formats.Twitter;

/// <summary>Parses one API v2 value into the tweets and users it holds, with <see cref="Utf8JsonReader"/> (no DOM).</summary>
/// <remarks>
/// Accepts a response page (<c>data</c> as an array or one object, <c>includes.users</c>, <c>includes.tweets</c>;
/// <c>meta</c>, <c>errors</c>, <c>matching_rules</c>, <c>__twarc</c> and the rest are skipped), a recorded HTTP
/// exchange whose <c>body</c> is such a response (tweepy's cassettes), a bare tweet or user object (twarc's flattened
/// output, whose inline <c>author</c> and full <c>referenced_tweets</c> are taken too), or a JSON array of any of these.
/// Objects are pooled: <see cref="Tweets"/> and <see cref="Users"/> are valid until the next <see cref="Parse"/>.
/// </remarks>
internal sealed class ApiV2PageParser(StringPool pool)
{
    private readonly List<ApiV2Object> spare = [];

    public List<ApiV2Object> Tweets { get; } = [];

    public List<ApiV2Object> Users { get; } = [];

    /// <summary>Parses <paramref name="json"/>, replacing the previous page.</summary>
    /// <exception cref="JsonException">Not valid JSON, or more than one value.</exception>
    /// <exception cref="TwitterFieldException">A field has the wrong type or a bad time.</exception>
    public void Parse(ReadOnlySpan<byte> json)
    {
        Recycle(Tweets);
        Recycle(Users);
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (TwitterJson.NextElement(ref reader))
            {
                Top(ref reader);
            }
        }
        else
        {
            Top(ref reader);
        }
        if (reader.Read())
        {
            throw new TwitterFieldException("(top level)", "must be exactly one JSON value");
        }
    }

    private void Top(ref Utf8JsonReader reader)
    {
        TwitterJson.Expect(ref reader, JsonTokenType.StartObject, "(top level)");
        var item = Rent();
        if (!ReadObject(ref reader, item, top: true))
        {
            Classify(item);
        }
        else
        {
            spare.Add(item);
        }
    }

    /// <summary>Reads the object at the reader into <paramref name="item"/>; true when it was a response (data, includes or body).</summary>
    private bool ReadObject(ref Utf8JsonReader reader, ApiV2Object item, bool top)
    {
        var response = false;
        while (TwitterJson.NextProperty(ref reader))
        {
            if (top && reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                ReadObjects(ref reader, "data");
                response = true;
            }
            else if (top && reader.ValueTextEquals("includes"u8))
            {
                reader.Read();
                ReadIncludes(ref reader);
                response = true;
            }
            else if (top && reader.ValueTextEquals("body"u8))
            {
                reader.Read();
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    ReadObjects(ref reader, "body");
                }
                else
                {
                    reader.Skip();
                }
                response = true;
            }
            else if (!ReadField(ref reader, item))
            {
                reader.Read();
                reader.Skip();
            }
        }
        return response;
    }

    /// <summary>An object or array of objects: each becomes a tweet or a user (bodies may nest a whole response).</summary>
    private void ReadObjects(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            Top(ref reader);
            return;
        }
        if (!TwitterJson.Expect(ref reader, JsonTokenType.StartArray, field))
        {
            return;
        }
        while (TwitterJson.NextElement(ref reader))
        {
            TwitterJson.Expect(ref reader, JsonTokenType.StartObject, field);
            var item = Rent();
            ReadObject(ref reader, item, top: false);
            Classify(item);
        }
    }

    private void ReadIncludes(ref Utf8JsonReader reader)
    {
        if (!TwitterJson.Expect(ref reader, JsonTokenType.StartObject, "includes"))
        {
            return;
        }
        while (TwitterJson.NextProperty(ref reader))
        {
            var known = reader.ValueTextEquals("users"u8) || reader.ValueTextEquals("tweets"u8);
            reader.Read();
            if (known)
            {
                ReadObjects(ref reader, "includes");
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>Reads a tweet or user field at the current property name; false when the property is not one.</summary>
    private bool ReadField(ref Utf8JsonReader reader, ApiV2Object item)
    {
        if (reader.ValueTextEquals("id"u8)) { reader.Read(); item.Id = TwitterJson.Pooled(ref reader, "id", pool); }
        else if (reader.ValueTextEquals("text"u8)) { reader.Read(); item.Text = TwitterJson.String(ref reader, "text"); }
        else if (reader.ValueTextEquals("author_id"u8)) { reader.Read(); item.AuthorId = TwitterJson.Pooled(ref reader, "author_id", pool); }
        else if (reader.ValueTextEquals("username"u8)) { reader.Read(); item.Username = TwitterJson.Pooled(ref reader, "username", pool); }
        else if (reader.ValueTextEquals("name"u8)) { reader.Read(); item.Name = TwitterJson.Pooled(ref reader, "name", pool); }
        else if (reader.ValueTextEquals("type"u8)) { reader.Read(); item.Type = TwitterJson.Pooled(ref reader, "type", pool); }
        else if (reader.ValueTextEquals("in_reply_to_user_id"u8)) { reader.Read(); item.InReplyToUserId = TwitterJson.Pooled(ref reader, "in_reply_to_user_id", pool); }
        else if (reader.ValueTextEquals("created_at"u8)) { reader.Read(); item.CreatedAt = Time(ref reader); }
        else if (reader.ValueTextEquals("entities"u8)) { reader.Read(); ReadEntities(ref reader, item); }
        else if (reader.ValueTextEquals("referenced_tweets"u8)) { reader.Read(); ReadReferences(ref reader, item); }
        else if (reader.ValueTextEquals("author"u8)) { reader.Read(); ReadObjects(ref reader, "author"); }
        else
        {
            return false;
        }
        return true;
    }

    private static DateTimeOffset? Time(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        return reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var time)
            ? time.ToUniversalTime()
            : throw new TwitterFieldException("created_at", "must be an ISO 8601 time such as 2021-09-22T16:37:29.000Z");
    }

    private void ReadEntities(ref Utf8JsonReader reader, ApiV2Object item)
    {
        if (!TwitterJson.Expect(ref reader, JsonTokenType.StartObject, "entities"))
        {
            return;
        }
        while (TwitterJson.NextProperty(ref reader))
        {
            var kind = reader.ValueTextEquals("hashtags"u8) ? 1 : reader.ValueTextEquals("mentions"u8) ? 2 : 0;
            reader.Read();
            if (kind == 0 || !TwitterJson.Expect(ref reader, JsonTokenType.StartArray, "entities"))
            {
                reader.Skip();
                continue;
            }
            while (TwitterJson.NextElement(ref reader))
            {
                var entity = Rent();
                TwitterJson.Expect(ref reader, JsonTokenType.StartObject, "entities");
                while (TwitterJson.NextProperty(ref reader))
                {
                    if (reader.ValueTextEquals("tag"u8)) { reader.Read(); entity.Text = TwitterJson.String(ref reader, "entities.hashtags.tag"); }
                    else if (!ReadField(ref reader, entity)) { reader.Read(); reader.Skip(); }
                }
                if (kind == 1 && entity.Text is { } tag)
                {
                    item.Hashtags.Add(tag);
                }
                else if (kind == 2)
                {
                    item.Mentions.Add((entity.Id, entity.Username));
                }
                spare.Add(entity);
            }
        }
    }

    private void ReadReferences(ref Utf8JsonReader reader, ApiV2Object item)
    {
        if (!TwitterJson.Expect(ref reader, JsonTokenType.StartArray, "referenced_tweets"))
        {
            return;
        }
        while (TwitterJson.NextElement(ref reader))
        {
            TwitterJson.Expect(ref reader, JsonTokenType.StartObject, "referenced_tweets");
            var reference = Rent();
            ReadObject(ref reader, reference, top: false);
            item.References.Add((reference.Type, reference.Id));
            if (reference.IsTweet && reference.AuthorId is not null)
            {
                Tweets.Add(reference);
            }
            else
            {
                spare.Add(reference);
            }
        }
    }

    private void Classify(ApiV2Object item)
    {
        (item.IsTweet ? Tweets : item.IsUser ? Users : spare).Add(item);
    }

    private ApiV2Object Rent()
    {
        if (spare.Count == 0)
        {
            return new ApiV2Object();
        }
        var item = spare[^1];
        spare.RemoveAt(spare.Count - 1);
        item.Clear();
        return item;
    }

    private void Recycle(List<ApiV2Object> items)
    {
        spare.AddRange(items);
        items.Clear();
    }
}
