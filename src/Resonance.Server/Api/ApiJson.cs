using System.Text.Json;
using System.Text.Json.Serialization;

namespace Resonance.Server.Api;

/// <summary>JSON settings of the API: web defaults (camelCase), enums as strings.</summary>
internal static class ApiJson
{
    /// <summary>Applies the API's settings to the host's JSON options.</summary>
    public static void Configure(JsonSerializerOptions options) => options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));

    /// <summary>For downloads people read: indented.</summary>
    public static JsonSerializerOptions Indented { get; } = CreateIndented();

    private static JsonSerializerOptions CreateIndented()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        Configure(options);
        return options;
    }
}
