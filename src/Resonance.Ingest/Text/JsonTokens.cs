using System.Text.Json;

namespace Resonance.Ingest.Text;

/// <summary>Names JSON token types for error messages.</summary>
internal static class JsonTokens
{
    /// <summary>"an object", "a string", "null" and so on.</summary>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
