using AiRoi.ServiceDefaults.Messaging;

namespace AiRoi.Experiments.Outcomes;

/// <summary>
/// The endpoint of <see cref="ExperimentEventsRecordedConsumer"/> (<c>experiment-events-recorded</c>): retried, then
/// moved to <c>experiment-events-recorded_error</c>, from which the dead-letter API replays it.
/// </summary>
public sealed class ExperimentEventsRecordedConsumerDefinition : RetryingConsumerDefinition<ExperimentEventsRecordedConsumer>;
