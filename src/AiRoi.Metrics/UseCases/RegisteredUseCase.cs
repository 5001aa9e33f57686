using AiRoi.Domain.Metrics;
using AiRoi.Domain.UseCases;

namespace AiRoi.Metrics.UseCases;

/// <summary>
/// A use case as the registry answers it: the definition's fields (as <see cref="UseCaseRequest"/> takes them)
/// plus whether it is archived, its revision and when it was created and last changed.
/// </summary>
/// <param name="Id">The slug; never changes.</param>
/// <param name="Name">Display name.</param>
/// <param name="Category">Kind of work.</param>
/// <param name="BusinessOwner">The business owner; absent when nobody owns it yet.</param>
/// <param name="AiGoLiveDate">When the AI went (or goes) live; absent when unknown.</param>
/// <param name="UnitEconomics">Loaded hourly cost, value per conversion, fixed monthly costs.</param>
/// <param name="PrimaryMetric">The metric that decides success.</param>
/// <param name="GuardrailMetrics">Metrics that must not get worse.</param>
/// <param name="Targets">The success definition.</param>
/// <param name="CustomMetrics">Metrics outside the built-in catalog.</param>
/// <param name="SegmentDimensions">Event attributes the metrics are also kept by.</param>
/// <param name="ReviewCadenceDays">Longest acceptable gap between events, in days.</param>
/// <param name="Archived">Retired: kept for reports, takes no events.</param>
/// <param name="Revision">1 when created, one more after every change; also sent as the ETag <c>"revision"</c>.</param>
/// <param name="CreatedAt">When the use case was registered.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record RegisteredUseCase(
    string Id,
    string Name,
    UseCaseCategory Category,
    BusinessOwner? BusinessOwner,
    DateOnly? AiGoLiveDate,
    UnitEconomics UnitEconomics,
    string PrimaryMetric,
    IReadOnlyList<string> GuardrailMetrics,
    IReadOnlyList<Target> Targets,
    IReadOnlyList<CustomMetricDefinition> CustomMetrics,
    IReadOnlyList<string> SegmentDimensions,
    int ReviewCadenceDays,
    bool Archived,
    int Revision,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The answer for a stored use case.</summary>
    public static RegisteredUseCase From(StoredUseCase stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var useCase = stored.UseCase;
        return new(
            useCase.Id,
            useCase.Name,
            useCase.Category,
            useCase.BusinessOwner,
            useCase.AiGoLiveDate,
            useCase.UnitEconomics,
            useCase.PrimaryMetric,
            useCase.GuardrailMetrics,
            useCase.Targets,
            useCase.CustomMetrics,
            useCase.SegmentDimensions,
            useCase.ReviewCadenceDays,
            useCase.Archived,
            stored.Revision,
            stored.CreatedAt,
            stored.UpdatedAt);
    }
}
