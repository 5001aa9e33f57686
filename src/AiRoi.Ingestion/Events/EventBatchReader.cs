using System.Text.Json;
using AiRoi.Contracts;
using AiRoi.Domain;
using AiRoi.Domain.Events;
using AiRoi.ServiceDefaults.Http;

namespace AiRoi.Ingestion.Events;

/// <summary>An event of the batch that passed every check, with its position in the batch.</summary>
public sealed record BatchEvent(int Index, OutcomeEvent Event);

/// <summary>The batch read from a request: its valid events, or the errors that refuse it.</summary>
/// <param name="Events">The valid events.</param>
/// <param name="Errors">The errors, at most <see cref="EventBatchLimits.MaxReportedErrors"/>.</param>
/// <param name="ErrorCount">Every error, reported or not.</param>
/// <param name="FirstErrorCodes">Per invalid event (by index), the code of its first error, reported or not.</param>
public sealed record EventBatch(
    IReadOnlyList<BatchEvent> Events, IReadOnlyList<ValidationError> Errors, int ErrorCount, IReadOnlyDictionary<int, string> FirstErrorCodes)
{
    /// <summary>True when the batch may be written.</summary>
    public bool IsValid => ErrorCount == 0;
}

/// <summary>
/// Reads <c>{"events": [...]}</c> and checks every event: that it is JSON of the event's shape (unknown fields
/// refused), that it passes the domain's validation, and that no event id repeats within the batch. Errors name
/// the event by index: <c>events[3].csat</c>.
/// </summary>
public static class EventBatchReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = EventBatchLimits.MaxJsonDepth };

    private static readonly HashSet<string> EventFields = OutcomeEventJson.Options.GetTypeInfo(typeof(OutcomeEvent))
        .Properties.Select(property => property.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Checks a parsed request body.</summary>
    /// <exception cref="JsonException">Never: parse errors are found by the caller, which reads the body.</exception>
    public static EventBatch Read(JsonElement body, DateTimeOffset now, EventLimits limits)
    {
        var errors = new ErrorList();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError("$", RequestProblems.InvalidValue.Slug, "The body must be a JSON object: {\"events\": [...]}."));
            return errors.ToBatch([]);
        }
        JsonElement? events = null;
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name == "events")
            {
                events = property.Value;
            }
            else
            {
                errors.Add(new ValidationError(property.Name, RequestProblems.UnknownField.Slug, $"{property.Name} is not a field of an event batch; send {{\"events\": [...]}}."));
            }
        }
        if (events is not { ValueKind: JsonValueKind.Array } array)
        {
            errors.Add(new ValidationError("events", ValidationCodes.Required, "events is required: an array of 1 to 10,000 outcome events."));
            return errors.ToBatch([]);
        }
        var count = array.GetArrayLength();
        if (count is 0 or > EventBatchLimits.MaxEvents)
        {
            errors.Add(new ValidationError("events", count == 0 ? ValidationCodes.Required : ValidationCodes.TooMany,
                $"A batch holds 1 to {EventBatchLimits.MaxEvents:N0} events; this one has {count:N0}."));
            return errors.ToBatch([]);
        }

        var valid = new List<BatchEvent>(count);
        var firstIndexOfId = new Dictionary<(string UseCaseId, string EventId), int>(count);
        var parsed = ReadWhole(array) ?? array.EnumerateArray().Select((element, index) => Parse(element, index, errors));
        var index = 0;
        foreach (var outcomeEvent in parsed)
        {
            if (outcomeEvent is not null)
            {
                var problems = OutcomeEventValidator.Validate(outcomeEvent, now, limits);
                if (problems.Count > 0)
                {
                    var name = Name(index);
                    foreach (var problem in problems.WithPrefix(name))
                    {
                        errors.Add(problem with { Message = $"{name}: {problem.Message}" }, index);
                    }
                }
                var duplicate = outcomeEvent.EventId is { Length: > 0 } id && !firstIndexOfId.TryAdd((outcomeEvent.UseCaseId, id), index);
                if (duplicate)
                {
                    var first = firstIndexOfId[(outcomeEvent.UseCaseId, outcomeEvent.EventId)];
                    errors.Add(new ValidationError($"{Name(index)}.eventId", ValidationCodes.Duplicate,
                        $"{Name(index)}: eventId '{outcomeEvent.EventId}' already appears at events[{first}] of this batch."), index);
                }
                if (problems.Count == 0 && !duplicate)
                {
                    valid.Add(new BatchEvent(index, outcomeEvent));
                }
            }
            index++;
        }
        return errors.ToBatch(valid);
    }

    /// <summary>How errors name the event at <paramref name="index"/>: <c>events[3]</c>.</summary>
    private static string Name(int index) => $"events[{index}]";

    /// <summary>
    /// Every event of the array in one pass of the serializer, the usual case; null when any element is not an event
    /// of the right shape, and the elements are then read one by one so that each error names its event.
    /// </summary>
    private static OutcomeEvent?[]? ReadWhole(JsonElement array)
    {
        try
        {
            var events = array.Deserialize<OutcomeEvent?[]>(OutcomeEventJson.Options);
            return events is not null && !events.Contains(null) ? events : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Parses a request body; a body that is not JSON yields the error that says where.</summary>
    public static async Task<(JsonDocument? Document, ValidationError? Error)> ParseBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return (await JsonDocument.ParseAsync(body, DocumentOptions, cancellationToken), null);
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } number ? $" at line {number + 1}, byte {exception.BytePositionInLine + 1}" : "";
            return (null, new ValidationError("$", RequestProblems.MalformedJson.Slug, $"The body is not valid JSON{line}."));
        }
    }

    private static OutcomeEvent? Parse(JsonElement element, int index, ErrorList errors)
    {
        var prefix = Name(index);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError(prefix, RequestProblems.InvalidValue.Slug, $"{prefix} must be a JSON object (an outcome event)."), index);
            return null;
        }
        try
        {
            return element.Deserialize<OutcomeEvent>(OutcomeEventJson.Options);
        }
        catch (JsonException exception)
        {
            var path = exception.Path is { Length: > 2 } jsonPath && jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : null;
            var field = path is null ? prefix : $"{prefix}.{path}";
            // A path whose first step is not one of the event's fields points at a field the client made up.
            var firstStep = path?.Split('.', '[')[0];
            var unknownField = firstStep is not null && !EventFields.Contains(firstStep);
            errors.Add(unknownField
                ? new ValidationError(field, RequestProblems.UnknownField.Slug, $"{field} is not a field of an outcome event.")
                : new ValidationError(field, RequestProblems.InvalidValue.Slug, $"{field} has the wrong type or an unknown value; the OpenAPI document gives each field's type."), index);
            return null;
        }
    }

    /// <summary>Collects errors up to the reporting limit while counting all of them, and each event's first error code.</summary>
    private sealed class ErrorList
    {
        private readonly List<ValidationError> kept = [];
        private readonly Dictionary<int, string> firstCodes = [];
        private int count;

        /// <summary>Adds an error of the batch, or of the event at <paramref name="index"/>.</summary>
        public void Add(ValidationError error, int? index = null)
        {
            if (count++ < EventBatchLimits.MaxReportedErrors)
            {
                kept.Add(error);
            }
            if (index is { } eventIndex)
            {
                firstCodes.TryAdd(eventIndex, error.Code);
            }
        }

        public EventBatch ToBatch(IReadOnlyList<BatchEvent> valid) => new(valid, kept, count, firstCodes);
    }
}
