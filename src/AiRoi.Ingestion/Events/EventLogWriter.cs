using AiRoi.Contracts.Api;
using AiRoi.Contracts;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain;

namespace AiRoi.Ingestion.Events;

/// <summary>
/// Hands validated events to their use cases' grains, each use case's events in one grain call, one transaction
/// (ADR-0009). A batch of several use cases is first checked (every use case takes events, or nothing is written);
/// for a batch of one, the grain's answer to the write is the check.
/// </summary>
public sealed class EventLogWriter(IClusterClient cluster)
{
    /// <summary>Error code: the event's use case is not in the registry.</summary>
    public const string UnknownUseCase = "unknown-use-case";

    /// <summary>Error code: the event's use case is archived.</summary>
    public const string ArchivedUseCase = "archived-use-case";

    /// <summary>Errors for events whose use case is unknown or archived; empty when all may be written.</summary>
    /// <param name="events">The events, with how each is named in an error (<c>events[3]</c>, <c>line 7</c>).</param>
    public async Task<IReadOnlyList<ValidationError>> FindClosedUseCasesAsync(IEnumerable<(string Name, BatchEvent Item)> events)
    {
        var errors = new List<ValidationError>();
        foreach (var group in events.GroupBy(entry => entry.Item.Event.UseCaseId))
        {
            var status = await StatusOfAsync(group.Key);
            if (status != UseCaseWriteStatus.Open)
            {
                errors.AddRange(Refusals(group, status));
            }
        }
        return errors;
    }

    /// <summary>The errors for events of one use case that takes no events.</summary>
    /// <param name="events">The events, with how each is named in an error (<c>events[3]</c>, <c>line 7</c>).</param>
    /// <param name="status">Why it takes none.</param>
    public static IEnumerable<ValidationError> Refusals(IEnumerable<(string Name, BatchEvent Item)> events, UseCaseWriteStatus status) =>
        events.Select(entry => Refusal($"{entry.Name}.useCaseId", $"{entry.Name}: use case", entry.Item.Event.UseCaseId, status));

    /// <summary>The error for a use case that takes no events (<paramref name="status"/> is not open).</summary>
    /// <param name="field">The failing field, e.g. <c>events[3].useCaseId</c>.</param>
    /// <param name="subject">How the message names it, e.g. <c>events[3]: use case</c>.</param>
    /// <param name="useCaseId">The use case.</param>
    /// <param name="status">Why it takes none.</param>
    public static ValidationError Refusal(string field, string subject, string useCaseId, UseCaseWriteStatus status) =>
        status == UseCaseWriteStatus.Archived
            ? new ValidationError(field, ArchivedUseCase, $"{subject} '{useCaseId}' is archived and takes no new events.")
            : new ValidationError(field, UnknownUseCase, $"{subject} '{useCaseId}' is not registered; create it with POST /api/v1/use-cases first.");

    /// <summary>Whether one use case takes events.</summary>
    public Task<UseCaseWriteStatus> StatusOfAsync(string useCaseId) => cluster.GetGrain<IUseCaseGrain>(useCaseId).GetWriteStatusAsync();

    /// <summary>
    /// Writes the events, per use case, in transactions of at most <see cref="EventBatchLimits.MaxEvents"/>; results in
    /// input order.
    /// </summary>
    /// <exception cref="InvalidOperationException">A use case was archived while its events were being written.</exception>
    public async Task<IReadOnlyList<EventResult>> WriteAsync(IReadOnlyList<BatchEvent> events)
    {
        var written = await Task.WhenAll(events.GroupBy(item => item.Event.UseCaseId)
            .Select(async group => (await WriteUseCaseAsync(group.Key, group.ToList())).Results
                ?? throw new InvalidOperationException($"Use case {group.Key} closed while the batch was being written.")));
        return written.SelectMany(results => results).OrderBy(result => result.Index).ToList();
    }

    /// <summary>
    /// Writes one use case's events in transactions of at most <see cref="EventBatchLimits.MaxEvents"/>. The grain's
    /// answer to the first is also the check that the use case takes events: when it does not, nothing was written
    /// and the answer is null results with the status.
    /// </summary>
    /// <exception cref="InvalidOperationException">The use case was archived between two of its transactions.</exception>
    public async Task<(IReadOnlyList<EventResult>? Results, UseCaseWriteStatus Status)> WriteUseCaseAsync(string useCaseId, IReadOnlyList<BatchEvent> events)
    {
        var grain = cluster.GetGrain<IUseCaseGrain>(useCaseId);
        var results = new List<EventResult>(events.Count);
        foreach (var chunk in events.Chunk(EventBatchLimits.MaxEvents))
        {
            var result = await grain.AppendAsync(chunk.Select(item => item.Event).ToList());
            if (result.Status != UseCaseWriteStatus.Open)
            {
                return results.Count == 0
                    ? (null, result.Status)
                    : throw new InvalidOperationException($"Use case {useCaseId} closed while its events were being written.");
            }
            results.AddRange(chunk.Select((item, position) => new EventResult(
                item.Index, item.Event.EventId, result.Outcomes[position].Accepted ? "accepted" : "duplicate", result.Outcomes[position].Sequence)));
        }
        return (results, UseCaseWriteStatus.Open);
    }
}
