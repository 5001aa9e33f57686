namespace AiRoi.Ingestion.Events;

/// <summary>The bounds of one <c>POST /api/v1/events</c> request.</summary>
public static class EventBatchLimits
{
    /// <summary>
    /// Events per batch. A batch is one transaction per use case; 10,000 keeps a batch's COPY well under a second
    /// on the 2-core reference machine (binary COPY there: 30–45k events/s with their ids, docs/benchmarks.md).
    /// </summary>
    public const int MaxEvents = 10_000;

    /// <summary>Request body size: 10,000 events of typical size (~500 bytes) fit with room for attributes.</summary>
    public const long MaxBodyBytes = 8 * 1024 * 1024;

    /// <summary>Field errors listed in one answer; past this, the answer says how many more there were.</summary>
    public const int MaxReportedErrors = 1_000;

    /// <summary>Nesting depth of the body: the batch object, the array, an event, its maps.</summary>
    public const int MaxJsonDepth = 8;
}
