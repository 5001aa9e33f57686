using AiRoi.Contracts.Messages;
using AiRoi.Contracts.UseCases;
using AiRoi.Metrics.Alerts;
using MassTransit;

namespace AiRoi.Metrics.Experiments;

/// <summary>
/// Keeps a concluded experiment and tells its use case's grain, whose ROI then counts a shipped treatment's
/// conversion lift as revenue lift instead of the before/after comparison; closes the experiment's alert conditions
/// (a broken split, degraded guardrails). Idempotent: keyed by experiment.
/// </summary>
public sealed class ExperimentConcludedConsumer(ExperimentLiftStore store, AlertStore alerts, IGrainFactory grains) : IConsumer<ExperimentConcluded>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<ExperimentConcluded> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await store.RecordAsync(context.Message, context.CancellationToken);
        await grains.GetGrain<IUseCaseGrain>(context.Message.UseCaseId).ExperimentLiftChangedAsync();
        // A concluded experiment is analysed no more, so no analysis would close its broken split or degraded guardrails.
        await alerts.CloseExperimentAsync(context.Message.UseCaseId, context.Message.ExperimentId, context.CancellationToken);
    }
}
