using AiRoi.Contracts.UseCases;
using Orleans.Concurrency;

namespace AiRoi.Metrics.UseCases;

/// <inheritdoc cref="IRegisteredUseCasesGrain" />
[StatelessWorker]
public sealed class RegisteredUseCasesGrain(UseCaseRegistry registry) : Grain, IRegisteredUseCasesGrain
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> AmongAsync(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ids.Count, IRegisteredUseCasesGrain.MaxIds, nameof(ids));
        return ids.Count == 0 ? [] : await registry.FindRegisteredAsync(ids, CancellationToken.None);
    }
}
