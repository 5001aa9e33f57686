using AiRoi.Contracts.Messages;
using AiRoi.Domain.Alerts;
using AiRoi.ServiceDefaults.Messaging;
using MassTransit;

namespace AiRoi.Metrics.Alerts;

/// <summary>
/// An experiment's periodic analysis, as the experiment service publishes it: a broken split and each degraded
/// guardrail are conditions of its use case while it runs; once it stops, they close (and once it concludes, see
/// <see cref="AlertStore.CloseExperimentAsync"/>). Idempotent: observing the same
/// conditions again changes nothing; and an analysis older than one already observed (competing consumers, or two
/// rounds' messages redelivered out of order) is ignored.
/// </summary>
public sealed class ExperimentAnalyzedConsumer(AlertStore store) : IConsumer<ExperimentAnalyzed>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<ExperimentAnalyzed> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var analysis = context.Message;
        var holding = analysis.Status == "running"
            ? AlertConditions.ForExperiment(analysis.ExperimentId, analysis.Name, analysis.SampleRatioMismatch, analysis.DegradedGuardrails ?? [])
            : [];
        await store.ObserveAsync(analysis.UseCaseId, [AlertConditions.ExperimentPrefix(analysis.ExperimentId)], holding, context.CancellationToken,
            analysis: (analysis.ExperimentId, analysis.AnalyzedAt));
    }
}

/// <summary>Retries as every consumer here does.</summary>
public sealed class ExperimentAnalyzedConsumerDefinition : RetryingConsumerDefinition<ExperimentAnalyzedConsumer>;
