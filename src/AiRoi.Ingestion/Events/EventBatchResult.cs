namespace AiRoi.Ingestion.Events;

/// <summary>The request body of <c>POST /api/v1/events</c>.</summary>
/// <param name="Events">1 to 10,000 outcome events; the OpenAPI document gives each field.</param>
public sealed record EventBatchRequest(IReadOnlyList<AiRoi.Domain.Events.OutcomeEvent> Events);
