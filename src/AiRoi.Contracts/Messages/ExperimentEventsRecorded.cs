using AiRoi.Domain.Events;

namespace AiRoi.Contracts.Messages;

/// <summary>
/// The experiment-bearing outcome events of one written batch of a use case (those with an experiment id and a
/// variant), published after the batch committed: one message per batch, not per event. Consumers must be
/// idempotent by event id, because a batch is published again when its publication was not confirmed.
/// </summary>
/// <param name="UseCaseId">The use case whose log holds the events.</param>
/// <param name="Events">The events with their sequence numbers, in sequence order.</param>
public sealed record ExperimentEventsRecorded(string UseCaseId, IReadOnlyList<RecordedOutcome> Events);

/// <summary>An outcome event and its sequence number in its use case's log.</summary>
public sealed record RecordedOutcome(long Sequence, OutcomeEvent Event);
