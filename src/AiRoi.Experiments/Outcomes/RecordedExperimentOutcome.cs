using AiRoi.Domain.Events;

namespace AiRoi.Experiments.Outcomes;

/// <summary>An experiment event as the consumer stores it.</summary>
/// <param name="Sequence">Its sequence number in the use case's log.</param>
/// <param name="Event">The event.</param>
/// <param name="Json">Its JSON document.</param>
public sealed record RecordedExperimentOutcome(long Sequence, OutcomeEvent Event, string Json);
