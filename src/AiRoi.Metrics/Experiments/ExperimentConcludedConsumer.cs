using AiRoi.Contracts.Messages;
using AiRoi.Contracts.UseCases;
using MassTransit;

namespace AiRoi.Metrics.Experiments;

/// <summary>
/// Keeps a concluded experiment and tells its use case's grain, whose ROI then counts a shipped treatment's
/// conversion lift as revenue lift instead of the before/after comparison. Idempotent: keyed by experiment.
/// </summary>
public sealed class ExperimentConcludedConsumer(ExperimentLiftStore store, IGrainFactory grains) : IConsumer<ExperimentConcluded>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<ExperimentConcluded> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await store.RecordAsync(context.Message, context.CancellationToken);
        await grains.GetGrain<IUseCaseGrain>(context.Message.UseCaseId).ExperimentLiftChangedAsync();
    }
}
