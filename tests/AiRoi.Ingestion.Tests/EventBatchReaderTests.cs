using System.Text;
using System.Text.Json;
using AiRoi.Contracts;
using AiRoi.Domain;
using AiRoi.Domain.Events;
using AiRoi.Ingestion.Events;

namespace AiRoi.Ingestion.Tests;

/// <summary>
/// A batch is read in one pass when every element is an event of the right shape, and element by element otherwise:
/// both readings must find the same events, and the second must name every broken event.
/// </summary>
public class EventBatchReaderTests
{
    private static string Event(string id, string extra = "") =>
        $$"""{"eventId":"{{id}}","useCaseId":"support","startedAt":"2026-03-10T09:00:00+01:00","completedAt":"2026-03-10T09:05:00.250Z","handler":"hybrid"{{extra}}}""";

    private static EventBatch Read(params string[] events)
    {
        using var body = JsonDocument.Parse($"{{\"events\":[{string.Join(",", events)}]}}");
        return EventBatchReader.Read(body.RootElement, Csv.Now, EventLimits.Default);
    }

    private static readonly string[] Rich =
    [
        Event("a"),
        Event("b", ""","subjectId":"cust-1","resolved":true,"escalated":true,"escalationReason":"billing","contacts":2,"exceptionType":"timeout","aiCost":0.0125,"humanMinutes":3.5,"humanCost":4.10,"csat":5,"nps":9""" +
            ""","converted":true,"conversionValue":120.00,"experimentId":"exp-1","variant":"treatment","traceId":"4bf92f3577b34da6a3ce929d0e0e4736","attributes":{"region":"emea","channel":"chat"},"measures":{"pages":12.5}"""),
        Event("c", ""","resolved":false,"attributes":{}"""),
    ];

    [Fact]
    public void A_well_formed_batch_gives_the_events_each_element_gives_on_its_own()
    {
        var batch = Read(Rich);

        Assert.True(batch.IsValid);
        Assert.Equal([0, 1, 2], batch.Events.Select(item => item.Index));
        for (var i = 0; i < Rich.Length; i++)
        {
            var alone = OutcomeEventJson.Deserialize(Rich[i]);
            Assert.Equal(OutcomeEventJson.Serialize(alone), OutcomeEventJson.Serialize(batch.Events[i].Event));
        }
    }

    [Fact]
    public void A_batch_with_misshapen_elements_names_every_broken_event_and_keeps_none()
    {
        var batch = Read(
            Event("a"),
            Event("b", ""","csat":"five" """),
            Event("c", ""","csat":9"""),
            "42",
            "null",
            Event("d", ""","mood":"happy" """),
            Event("a"));

        Assert.False(batch.IsValid);
        Assert.Equal(
            ["events[1].csat", "events[2].csat", "events[3]", "events[4]", "events[5].mood", "events[6].eventId"],
            batch.Errors.Select(error => error.Field));
        Assert.Equal(["invalid-value", "out-of-range", "invalid-value", "invalid-value", "unknown-field", ValidationCodes.Duplicate],
            batch.Errors.Select(error => error.Code));
        Assert.Contains("already appears at events[0]", batch.Errors[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_id_in_two_use_cases_is_not_a_duplicate()
    {
        var batch = Read(Event("a"), Event("a").Replace("\"support\"", "\"sales\"", StringComparison.Ordinal));

        Assert.True(batch.IsValid);
        Assert.Equal(2, batch.Events.Count);
    }

    [Fact]
    public void The_log_document_written_as_bytes_is_the_canonical_text()
    {
        // One reused buffer, as COPY reads it: each document is whole, none carries a rest of the one before.
        using var documents = new OutcomeEventJson.Documents();
        foreach (var outcomeEvent in Read(Rich).Events.Select(item => item.Event).Reverse())
        {
            Assert.Equal(OutcomeEventJson.Serialize(outcomeEvent), Encoding.UTF8.GetString(documents.Of(outcomeEvent).Span));
        }
    }
}
