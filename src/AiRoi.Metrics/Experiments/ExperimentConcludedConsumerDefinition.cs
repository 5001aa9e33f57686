using AiRoi.ServiceDefaults.Messaging;

namespace AiRoi.Metrics.Experiments;

/// <summary>The endpoint of <see cref="ExperimentConcludedConsumer"/>: retried, then moved to its error queue.</summary>
public sealed class ExperimentConcludedConsumerDefinition : RetryingConsumerDefinition<ExperimentConcludedConsumer>;
