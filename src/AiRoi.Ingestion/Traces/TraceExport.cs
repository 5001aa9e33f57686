using AiRoi.Domain;
using AiRoi.Domain.AiCost;
using AiRoi.Domain.Events;
using AiRoi.Ingestion.Traces.Otlp;
using Google.Protobuf;

namespace AiRoi.Ingestion.Traces;

/// <summary>
/// What one trace export holds for AiRoi: the model calls (spans with GenAI token counts or a cost), the links that
/// tie traces to outcome events (any span naming both <c>airoi.use_case_id</c> and <c>airoi.event_id</c>), and the
/// spans refused with why. Other spans are ignored: they are not errors.
/// </summary>
public sealed class TraceExport
{
    /// <summary>How many refusals are spelled out in the answer's message.</summary>
    public const int MessagesShown = 5;

    private readonly List<string> messages = [];

    /// <summary>The model calls to record.</summary>
    public List<ModelUsage> Calls { get; } = [];

    /// <summary>The trace links to record.</summary>
    public List<TraceLink> Links { get; } = [];

    /// <summary>How many spans were refused.</summary>
    public int Rejected { get; private set; }

    /// <summary>The first refusals, in words.</summary>
    public IReadOnlyList<string> Messages => messages;

    /// <summary>Every span the request holds.</summary>
    public int Spans { get; private set; }

    /// <summary>Reads the calls and links of <paramref name="request"/>.</summary>
    public static TraceExport Read(ExportTraceServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var export = new TraceExport();
        foreach (var span in request.ResourceSpans.SelectMany(resource => resource.ScopeSpans).SelectMany(scope => scope.Spans))
        {
            export.Spans++;
            export.Add(span);
        }
        return export;
    }

    /// <summary>Refuses the calls and links of use cases the sender may not write (or that do not exist).</summary>
    /// <param name="refusal">Why a use case's spans are refused, or null when they are welcome.</param>
    public void RefuseUseCases(Func<string, string?> refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        foreach (var call in Calls.Where(call => call.UseCaseId is not null && refusal(call.UseCaseId) is not null).ToList())
        {
            Calls.Remove(call);
            Refuse(call.SpanId, refusal(call.UseCaseId!)!);
        }
        Links.RemoveAll(link => refusal(link.UseCaseId) is not null);
    }

    /// <summary>Every use case a call or link names.</summary>
    public IReadOnlyList<string> UseCaseIds() =>
        Calls.Select(call => call.UseCaseId).OfType<string>().Concat(Links.Select(link => link.UseCaseId)).Distinct(StringComparer.Ordinal).ToList();

    private void Add(Span span)
    {
        var attributes = Attributes(span.Attributes);
        var traceId = Hex(span.TraceId, 16);
        var spanId = Hex(span.SpanId, 8);
        var errors = new List<ValidationError>();
        var startedAt = span.StartTimeUnixNano == 0 || span.StartTimeUnixNano > (ulong)DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() * 1_000_000
            ? (DateTimeOffset?)null
            : DateTimeOffset.UnixEpoch.AddTicks((long)(span.StartTimeUnixNano / 100));
        var call = GenAiAttributes.Read(traceId ?? "", spanId ?? "", startedAt ?? default, attributes, errors);
        if (call is null && errors.Count == 0)
        {
            AddLink(traceId, attributes);
            return;
        }
        if (traceId is null || spanId is null)
        {
            errors.Insert(0, new ValidationError("traceId", ValidationCodes.InvalidFormat, "A model call's span needs a trace id of 16 bytes and a span id of 8, not all zero."));
        }
        if (startedAt is null)
        {
            errors.Insert(0, new ValidationError("startTimeUnixNano", ValidationCodes.Required, "A model call's span needs its start time: the price in force then applies."));
        }
        if (errors.Count > 0)
        {
            Refuse(spanId ?? Convert.ToHexStringLower(span.SpanId.Span), string.Join(" ", errors.Select(error => error.Message)));
            return;
        }
        Calls.Add(call!);
        AddLink(traceId, attributes);
    }

    private void AddLink(string? traceId, Dictionary<string, object?> attributes)
    {
        if (traceId is not null && GenAiAttributes.Link(attributes) is { } link && !Links.Any(known => known.TraceId == traceId))
        {
            Links.Add(new TraceLink(traceId, link.UseCaseId, link.EventId));
        }
    }

    private void Refuse(string spanId, string message)
    {
        Rejected++;
        if (messages.Count < MessagesShown)
        {
            messages.Add($"span {(spanId.Length == 0 ? "(no id)" : spanId)}: {message}");
        }
    }

    private static string? Hex(ByteString id, int length)
    {
        var hex = id.Length == length ? Convert.ToHexStringLower(id.Span) : null;
        return hex is not null && hex.Any(character => character != '0') ? hex : null;
    }

    /// <summary>A span's attributes as plain values; arrays, maps and bytes are not read, so they become null.</summary>
    private static Dictionary<string, object?> Attributes(IEnumerable<KeyValue> attributes)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            values[attribute.Key] = attribute.Value?.ValueCase switch
            {
                AnyValue.ValueOneofCase.StringValue => attribute.Value.StringValue,
                AnyValue.ValueOneofCase.IntValue => attribute.Value.IntValue,
                AnyValue.ValueOneofCase.DoubleValue => attribute.Value.DoubleValue,
                AnyValue.ValueOneofCase.BoolValue => attribute.Value.BoolValue,
                _ => null,
            };
        }
        return values;
    }
}
