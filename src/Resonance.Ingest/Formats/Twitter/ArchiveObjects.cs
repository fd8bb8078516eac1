using System.Text.Json;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Formats.Twitter;

/// <summary>Reads the small wrapped objects of an archive: <c>{"like": {"tweetId": …}}</c>, <c>{"follower": {"accountId": …}}</c>,
/// <c>{"account": {…}}</c>, and the manifest's <c>userInfo</c>.</summary>
internal static class ArchiveObjects
{
    /// <summary>The string values of <paramref name="names"/> inside the object under <paramref name="wrapper"/> (null when absent).</summary>
    /// <exception cref="TwitterFieldException">A value has the wrong JSON type.</exception>
    /// <exception cref="JsonException">The element is not valid JSON.</exception>
    public static string?[] Read(ReadOnlySpan<byte> element, string wrapper, StringPool pool, params scoped ReadOnlySpan<string> names)
    {
        var values = new string?[names.Length];
        var reader = new Utf8JsonReader(element);
        reader.Read();
        if (!TwitterJson.Expect(ref reader, JsonTokenType.StartObject, wrapper))
        {
            return values;
        }
        while (TwitterJson.NextProperty(ref reader))
        {
            if (!reader.ValueTextEquals(wrapper))
            {
                reader.Skip();
                continue;
            }
            reader.Read();
            if (!TwitterJson.Expect(ref reader, JsonTokenType.StartObject, wrapper))
            {
                continue;
            }
            while (TwitterJson.NextProperty(ref reader))
            {
                var index = IndexOf(ref reader, names);
                reader.Read();
                if (index < 0)
                {
                    reader.Skip();
                    continue;
                }
                values[index] = TwitterJson.Pooled(ref reader, names[index], pool);
            }
        }
        return values;
    }

    private static int IndexOf(ref Utf8JsonReader reader, scoped ReadOnlySpan<string> names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
