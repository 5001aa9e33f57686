using AiRoi.Contracts.Api;
using AiRoi.Contracts;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain;

namespace AiRoi.Ingestion.Events;

/// <summary>
/// Hands validated events to their use cases' grains: first checks that every use case takes events (nothing is
/// written otherwise), then writes each use case's events in one grain call, one transaction (ADR-0009).
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
                errors.AddRange(group.Select(entry => Refusal($"{entry.Name}.useCaseId", $"{entry.Name}: use case", group.Key, status)));
            }
        }
        return errors;
    }

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
            .Select(group => WriteUseCaseAsync(group.Key, group.ToList(), EventBatchLimits.MaxEvents)));
        return written.SelectMany(results => results).OrderBy(result => result.Index).ToList();
    }

    private async Task<List<EventResult>> WriteUseCaseAsync(string useCaseId, List<BatchEvent> events, int chunkSize)
    {
        var grain = cluster.GetGrain<IUseCaseGrain>(useCaseId);
        var results = new List<EventResult>(events.Count);
        foreach (var chunk in events.Chunk(chunkSize))
        {
            var result = await grain.AppendAsync(chunk.Select(item => item.Event).ToList());
            if (result.Status != UseCaseWriteStatus.Open)
            {
                throw new InvalidOperationException($"Use case {useCaseId} closed while its events were being written.");
            }
            results.AddRange(chunk.Select((item, position) => new EventResult(
                item.Index, item.Event.EventId, result.Outcomes[position].Accepted ? "accepted" : "duplicate", result.Outcomes[position].Sequence)));
        }
        return results;
    }
}
