using System.Text.Json;
using AiRoi.Domain.Events;

namespace AiRoi.Contracts;

/// <summary>
/// The one JSON form of an outcome event (<see cref="WireJson"/>), used on the ingestion API, between ingestion
/// and the use-case grains, and in the event log.
/// </summary>
public static class OutcomeEventJson
{
    /// <summary>Serializer options for outcome events (and the batches that carry them): <see cref="WireJson.Options"/>.</summary>
    public static JsonSerializerOptions Options => WireJson.Options;

    /// <summary>The canonical document of a validated event, as it is stored in the log.</summary>
    public static string Serialize(OutcomeEvent outcomeEvent) => JsonSerializer.Serialize(outcomeEvent, Options);

    /// <summary>Reads an event from the log (or from ingestion); throws <see cref="JsonException"/> when it does not fit.</summary>
    public static OutcomeEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<OutcomeEvent>(json, Options) ?? throw new JsonException("An outcome event must be a JSON object, not null.");
}
