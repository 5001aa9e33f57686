namespace AiRoi.Ingestion.Import;

/// <summary>
/// The columns of an outcome-event CSV file: exactly the event's wire (camelCase JSON) names, matched
/// case-sensitively, plus one column per map entry, <c>attributes.&lt;key&gt;</c> and <c>measures.&lt;name&gt;</c>.
/// </summary>
public static class OutcomeEventCsvColumns
{
    internal const string EventId = "eventId";
    internal const string UseCaseId = "useCaseId";
    internal const string SubjectId = "subjectId";
    internal const string StartedAt = "startedAt";
    internal const string CompletedAt = "completedAt";
    internal const string Handler = "handler";
    internal const string Resolved = "resolved";
    internal const string Escalated = "escalated";
    internal const string EscalationReason = "escalationReason";
    internal const string Contacts = "contacts";
    internal const string ExceptionType = "exceptionType";
    internal const string AiCost = "aiCost";
    internal const string HumanMinutes = "humanMinutes";
    internal const string HumanCost = "humanCost";
    internal const string Csat = "csat";
    internal const string Nps = "nps";
    internal const string Converted = "converted";
    internal const string ConversionValue = "conversionValue";
    internal const string ExperimentId = "experimentId";
    internal const string Variant = "variant";
    internal const string TraceId = "traceId";

    /// <summary>Prefix of a column holding one attribute: <c>attributes.region</c>.</summary>
    public const string AttributePrefix = "attributes.";

    /// <summary>Prefix of a column holding one measure: <c>measures.dealVelocity</c>.</summary>
    public const string MeasurePrefix = "measures.";

    /// <summary>Every column other than the map columns, in the order the writer puts them.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        EventId, UseCaseId, SubjectId, StartedAt, CompletedAt, Handler, Resolved, Escalated, EscalationReason,
        Contacts, ExceptionType, AiCost, HumanMinutes, HumanCost, Csat, Nps, Converted, ConversionValue,
        ExperimentId, Variant, TraceId,
    ];

    /// <summary>
    /// The columns a file must have: the event's mandatory fields. <see cref="UseCaseId"/> may be left out when
    /// the importer names the use case.
    /// </summary>
    public static IReadOnlyList<string> Required { get; } = [EventId, UseCaseId, StartedAt, CompletedAt, Handler];
}
