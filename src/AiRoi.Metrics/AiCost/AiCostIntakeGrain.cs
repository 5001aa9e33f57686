using AiRoi.Contracts.AiCost;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.AiCost;
using Orleans.Concurrency;

namespace AiRoi.Metrics.AiCost;

/// <inheritdoc cref="IAiCostIntakeGrain" />
[StatelessWorker]
public sealed class AiCostIntakeGrain(AiCostLedger ledger) : Grain, IAiCostIntakeGrain
{
    /// <inheritdoc />
    public async Task RecordAsync(IReadOnlyList<ModelUsage> calls, IReadOnlyList<TraceLink> links)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(links);
        var owners = await ledger.RecordAsync(calls, links, CancellationToken.None);
        await Task.WhenAll(owners.Select(useCaseId => GrainFactory.GetGrain<IUseCaseGrain>(useCaseId).JoinAiCostAsync()));
    }
}
