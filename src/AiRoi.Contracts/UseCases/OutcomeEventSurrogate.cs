using AiRoi.Domain.Events;

namespace AiRoi.Contracts.UseCases;

/// <summary>
/// An outcome event in Orleans' binary form: ingestion hands batches of up to 10,000 events to a use-case grain
/// in one call, so they travel as fields rather than as the JSON documents the other domain types use
/// (<see cref="DomainSerialization"/>), and the pure domain type needs no Orleans attributes (ADR-0013).
/// </summary>
[GenerateSerializer]
[Alias("AiRoi.Contracts.UseCases.OutcomeEventSurrogate")]
public struct OutcomeEventSurrogate
{
#pragma warning disable CS1591 // The fields mirror OutcomeEvent's, documented there.
    [Id(0)] public string EventId;
    [Id(1)] public string UseCaseId;
    [Id(2)] public DateTimeOffset StartedAt;
    [Id(3)] public DateTimeOffset CompletedAt;
    [Id(4)] public int Handler;
    [Id(5)] public string? SubjectId;
    [Id(6)] public bool? Resolved;
    [Id(7)] public bool? Escalated;
    [Id(8)] public string? EscalationReason;
    [Id(9)] public int? Contacts;
    [Id(10)] public string? ExceptionType;
    [Id(11)] public decimal? AiCost;
    [Id(12)] public double? HumanMinutes;
    [Id(13)] public decimal? HumanCost;
    [Id(14)] public int? Csat;
    [Id(15)] public int? Nps;
    [Id(16)] public bool? Converted;
    [Id(17)] public decimal? ConversionValue;
    [Id(18)] public string? ExperimentId;
    [Id(19)] public string? Variant;
    [Id(20)] public Dictionary<string, string>? Attributes;
    [Id(21)] public Dictionary<string, double>? Measures;
    [Id(22)] public string? TraceId;
#pragma warning restore CS1591
}

/// <summary>Converts outcome events to and from <see cref="OutcomeEventSurrogate"/>; Orleans finds it by its attribute.</summary>
[RegisterConverter]
public sealed class OutcomeEventSurrogateConverter : IConverter<OutcomeEvent, OutcomeEventSurrogate>
{
    /// <inheritdoc />
    public OutcomeEvent ConvertFromSurrogate(in OutcomeEventSurrogate surrogate) =>
        new(surrogate.EventId, surrogate.UseCaseId, surrogate.StartedAt, surrogate.CompletedAt, (Handler)surrogate.Handler)
        {
            SubjectId = surrogate.SubjectId,
            Resolved = surrogate.Resolved,
            Escalated = surrogate.Escalated,
            EscalationReason = surrogate.EscalationReason,
            Contacts = surrogate.Contacts,
            ExceptionType = surrogate.ExceptionType,
            AiCost = surrogate.AiCost,
            HumanMinutes = surrogate.HumanMinutes,
            HumanCost = surrogate.HumanCost,
            Csat = surrogate.Csat,
            Nps = surrogate.Nps,
            Converted = surrogate.Converted,
            ConversionValue = surrogate.ConversionValue,
            ExperimentId = surrogate.ExperimentId,
            Variant = surrogate.Variant,
            TraceId = surrogate.TraceId,
            Attributes = surrogate.Attributes,
            Measures = surrogate.Measures,
        };

    /// <inheritdoc />
    public OutcomeEventSurrogate ConvertToSurrogate(in OutcomeEvent value) => new()
    {
        EventId = value.EventId,
        UseCaseId = value.UseCaseId,
        StartedAt = value.StartedAt,
        CompletedAt = value.CompletedAt,
        Handler = (int)value.Handler,
        SubjectId = value.SubjectId,
        Resolved = value.Resolved,
        Escalated = value.Escalated,
        EscalationReason = value.EscalationReason,
        Contacts = value.Contacts,
        ExceptionType = value.ExceptionType,
        AiCost = value.AiCost,
        HumanMinutes = value.HumanMinutes,
        HumanCost = value.HumanCost,
        Csat = value.Csat,
        Nps = value.Nps,
        Converted = value.Converted,
        ConversionValue = value.ConversionValue,
        ExperimentId = value.ExperimentId,
        Variant = value.Variant,
        TraceId = value.TraceId,
        // The surrogate is only read, so the event's own dictionary travels as it is when it is one (as read from JSON).
        Attributes = value.Attributes is null ? null : value.Attributes as Dictionary<string, string> ?? new Dictionary<string, string>(value.Attributes),
        Measures = value.Measures is null ? null : value.Measures as Dictionary<string, double> ?? new Dictionary<string, double>(value.Measures),
    };
}
