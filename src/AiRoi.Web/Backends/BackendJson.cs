using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiRoi.Web.Backends;

/// <summary>
/// The JSON the backends speak (camelCase, enums as kebab-case names, absent figures left out), so their answers
/// read straight into the domain's report types and requests are written as they expect.
/// </summary>
public static class BackendJson
{
    /// <summary>The shared, read-only options.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>The wire name of an enum value (<c>customer-service</c>).</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
