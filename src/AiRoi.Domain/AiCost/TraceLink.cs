namespace AiRoi.Domain.AiCost;

/// <summary>
/// What ties a trace to the outcome event of its task: a span of the trace that names both (the root, usually), or an
/// outcome event that names the trace. The first link of a trace holds.
/// </summary>
/// <param name="TraceId">The trace, 32 lower-case hex digits.</param>
/// <param name="UseCaseId">The use case of the task.</param>
/// <param name="EventId">The outcome event of the task.</param>
public sealed record TraceLink(string TraceId, string UseCaseId, string EventId);
