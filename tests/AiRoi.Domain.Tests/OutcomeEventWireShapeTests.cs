using System.Text.Json;
using System.Text.Json.Serialization;
using AiRoi.Domain.Events;

namespace AiRoi.Domain.Tests;

/// <summary>
/// The wire contract of the issue: property names camelCase to exactly the JSON field names, and the record
/// round-trips through System.Text.Json's web defaults without attributes in the domain.
/// </summary>
public class OutcomeEventWireShapeTests
{
    private static readonly string[] WireNames =
    [
        "eventId", "useCaseId", "subjectId", "startedAt", "completedAt", "handler", "resolved", "escalated",
        "escalationReason", "contacts", "exceptionType", "aiCost", "humanMinutes", "humanCost", "csat", "nps",
        "converted", "conversionValue", "experimentId", "variant", "traceId", "attributes", "measures",
    ];

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    [Fact]
    public void Serialized_field_names_are_exactly_the_wire_names()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(Events.Full(), Web));

        Assert.Equal(WireNames.Order(), json.RootElement.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public void An_event_round_trips_through_json()
    {
        var original = Events.Full();
        var copy = JsonSerializer.Deserialize<OutcomeEvent>(JsonSerializer.Serialize(original, Web), Web)!;

        Assert.Equal(original with { Attributes = null, Measures = null }, copy with { Attributes = null, Measures = null });
        Assert.Equal(original.Attributes, copy.Attributes);
        Assert.Equal(original.Measures, copy.Measures);
    }

    [Fact]
    public void Handler_is_sent_as_its_lowercase_name()
    {
        var json = JsonSerializer.Serialize(Events.Minimal() with { Handler = Handler.Hybrid }, Web);

        Assert.Contains("\"handler\":\"hybrid\"", json);
    }

    [Fact]
    public void Missing_mandatory_fields_deserialize_to_values_the_validator_reports_as_required()
    {
        var e = JsonSerializer.Deserialize<OutcomeEvent>("""{"csat": 4}""", Web)!;

        var required = OutcomeEventValidator.Validate(e, Events.Now, EventLimits.Default)
            .Where(error => error.Code == ValidationCodes.Required)
            .Select(error => error.Field);
        Assert.Equal(["eventId", "useCaseId", "handler", "startedAt", "completedAt"], required);
    }
}
