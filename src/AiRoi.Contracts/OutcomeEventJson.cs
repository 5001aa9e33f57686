using System.Buffers;
using AiRoi.Domain;
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

    /// <summary>Writes the canonical document of a validated event as UTF-8: the bytes of <see cref="Serialize"/>'s text.</summary>
    public static void Write(Utf8JsonWriter writer, OutcomeEvent outcomeEvent) => JsonSerializer.Serialize(writer, outcomeEvent, Options);

    /// <summary>
    /// Canonical documents of events one after another, as UTF-8 in one reused buffer, for COPY to take each before
    /// the next is written: no text per event.
    /// </summary>
    public sealed class Documents : IDisposable
    {
        private readonly ArrayBufferWriter<byte> buffer = new(2048); // an event with a few attributes fits; a larger one grows it
        private readonly Utf8JsonWriter writer;

        /// <summary>Starts with an empty buffer.</summary>
        public Documents() => writer = new Utf8JsonWriter(buffer);

        /// <summary>The document of <paramref name="outcomeEvent"/>; valid until the next call.</summary>
        public ReadOnlyMemory<byte> Of(OutcomeEvent outcomeEvent)
        {
            buffer.ResetWrittenCount();
            writer.Reset();
            Write(writer, outcomeEvent);
            return buffer.WrittenMemory;
        }

        /// <inheritdoc />
        public void Dispose() => writer.Dispose();
    }

    /// <summary>
    /// Reads an event stored in the log. Lenient about fields the event type no longer has, so retiring a field
    /// never makes old events unreadable.
    /// </summary>
    public static OutcomeEvent DeserializeStored(string json) =>
        JsonSerializer.Deserialize<OutcomeEvent>(json, Stored) ?? throw new JsonException("An outcome event must be a JSON object, not null.");

    private static readonly JsonSerializerOptions Stored = new(WireJson.Options)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Reads an event from ingestion (strict: unknown fields refused); throws <see cref="JsonException"/> when it does not fit.</summary>
    public static OutcomeEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<OutcomeEvent>(json, Options) ?? throw new JsonException("An outcome event must be a JSON object, not null.");
}
