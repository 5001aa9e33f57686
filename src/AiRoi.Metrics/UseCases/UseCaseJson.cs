using System.Text.Json;
using System.Text.Json.Serialization;
using AiRoi.Domain.UseCases;

namespace AiRoi.Metrics.UseCases;

/// <summary>
/// The one JSON form of a use case, used on the registry API and in <c>metrics.use_cases.definition</c>: camelCase
/// field names, enums as kebab-case strings (integers refused), numbers as JSON numbers, unknown fields refused,
/// absent optional values left out. The same settings as <c>AiRoi.Contracts.OutcomeEventJson</c>.
/// </summary>
public static class UseCaseJson
{
    /// <summary>Serializer options for use cases, the registry's requests and its answers.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>The stored document of a validated use case.</summary>
    public static string Serialize(UseCase useCase) => JsonSerializer.Serialize(useCase, Options);

    /// <summary>Reads a stored use case; throws <see cref="JsonException"/> when the document does not fit.</summary>
    public static UseCase Deserialize(string json) =>
        JsonSerializer.Deserialize<UseCase>(json, Options) ?? throw new JsonException("A use case must be a JSON object, not null.");

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
