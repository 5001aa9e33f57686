namespace AiRoi.Contracts.Api;

/// <summary>
/// What happened to a batch of events (<c>POST /api/v1/events</c>) or an imported CSV file: counts, and each
/// event's fate in batch order.
/// </summary>
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
