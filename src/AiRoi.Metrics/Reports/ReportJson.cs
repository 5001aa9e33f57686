using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiRoi.Metrics.Reports;

/// <summary>
/// The JSON form of every report the metrics API answers: camelCase, enums as kebab-case names, missing figures
/// as <c>null</c> (so a tile can say "no data" rather than show 0).
/// </summary>
public static class ReportJson
{
    /// <summary>The shared, read-only options.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The wire name of an enum value (<c>at-risk</c>).</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>The enum value with this wire name, or null.</summary>
    public static TEnum? Parse<TEnum>(string? text) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(value => Name(value!.Value) == text);
}
