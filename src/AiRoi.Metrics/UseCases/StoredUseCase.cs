using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.UseCases;

namespace AiRoi.Metrics.UseCases;

/// <summary>A use case as the registry holds it: the definition and its bookkeeping.</summary>
/// <param name="UseCase">The validated definition; <see cref="UseCase.Archived"/> is the registry's flag.</param>
/// <param name="Revision">1 when created, one more after every change; the ETag is this number quoted.</param>
/// <param name="CreatedAt">When the use case was registered.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record StoredUseCase(UseCase UseCase, int Revision, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>Whether it takes events: open, or archived (kept for reporting).</summary>
    public UseCaseWriteStatus WriteStatus => UseCase.Archived ? UseCaseWriteStatus.Archived : UseCaseWriteStatus.Open;

    /// <summary>What its roll-up keeps (custom metrics, segment dimensions, hourly cost).</summary>
    public RollupShape Shape => RollupShape.Of(UseCase);

    /// <summary>The registry's answer for it.</summary>
    public RegisteredUseCase ToRegistered() => RegisteredUseCase.From(UseCase, Revision, CreatedAt, UpdatedAt);
}
