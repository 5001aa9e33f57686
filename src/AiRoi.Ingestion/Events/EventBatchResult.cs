namespace AiRoi.Ingestion.Events;

/// <summary>The request body of <c>POST /api/v1/events</c>.</summary>
/// <param name="Events">1 to 10,000 outcome events; the OpenAPI document gives each field.</param>
public sealed record EventBatchRequest(IReadOnlyList<AiRoi.Domain.Events.OutcomeEvent> Events);

/// <summary>What happened to a batch: counts, and each event's fate in batch order.</summary>
/// <param name="Accepted">Events that were new and are now in the log.</param>
/// <param name="Duplicates">Events whose id was already in the log; they were counted once, before.</param>
/// <param name="Events">One entry per event sent, in batch order.</param>
public sealed record EventBatchResult(int Accepted, int Duplicates, IReadOnlyList<EventResult> Events);

/// <summary>One event's fate.</summary>
/// <param name="Index">Its position in the batch.</param>
/// <param name="EventId">Its id.</param>
/// <param name="Status"><c>accepted</c> or <c>duplicate</c>.</param>
/// <param name="Sequence">Its sequence number in the use case's log.</param>
public sealed record EventResult(int Index, string EventId, string Status, long Sequence);
