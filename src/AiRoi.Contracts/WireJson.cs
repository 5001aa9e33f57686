using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiRoi.Contracts;

/// <summary>
/// AiRoi's one JSON form for domain documents on the APIs and in the database (outcome events, use cases):
/// camelCase field names, enums as kebab-case strings (integers refused), numbers as JSON numbers, unknown fields
/// refused, absent optional values left out.
/// </summary>
public static class WireJson
{
    /// <summary>The shared, read-only serializer options.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
