using AiRoi.Domain;
using System.Text.Json;
using AiRoi.Contracts;
using AiRoi.Domain.UseCases;

namespace AiRoi.Metrics.UseCases;

/// <summary>
/// The one JSON form of a use case (<see cref="WireJson"/>), used on the registry API and in
/// <c>metrics.use_cases.definition</c>.
/// </summary>
public static class UseCaseJson
{
    /// <summary>Serializer options for use cases, the registry's requests and its answers: <see cref="WireJson.Options"/>.</summary>
    public static JsonSerializerOptions Options => WireJson.Options;

    /// <summary>The stored document of a validated use case.</summary>
    public static string Serialize(UseCase useCase) => JsonSerializer.Serialize(useCase, Options);

    /// <summary>Reads a stored use case; throws <see cref="JsonException"/> when the document does not fit.</summary>
    public static UseCase Deserialize(string json) =>
        JsonSerializer.Deserialize<UseCase>(json, Options) ?? throw new JsonException("A use case must be a JSON object, not null.");
}
