using Orleans.Concurrency;

namespace AiRoi.Contracts.UseCases;

/// <summary>
/// Which of some ids are registered use cases (archived ones included), in one read of the registry: the cheap check
/// for ids a refused request names, which may be made up, where asking each use case's grain would activate one grain
/// per id. A stateless worker (key: 0), so it runs on the silo it is called from.
/// </summary>
[Alias("AiRoi.Contracts.UseCases.IRegisteredUseCasesGrain")]
public interface IRegisteredUseCasesGrain : IGrainWithIntegerKey
{
    /// <summary>Most ids one call may ask about.</summary>
    public const int MaxIds = 1_000;

    /// <summary>The ids among <paramref name="ids"/> that are registered.</summary>
    [Alias("Among"), ReadOnly]
    Task<IReadOnlyList<string>> AmongAsync(IReadOnlyList<string> ids);
}
