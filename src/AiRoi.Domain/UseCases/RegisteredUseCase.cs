using AiRoi.Domain.Metrics;

namespace AiRoi.Domain.UseCases;

/// <summary>
/// A use case as the registry answers it (<c>GET /api/v1/use-cases/{id}</c>): the definition's fields plus whether
/// it is archived, its revision and when it was created and last changed. The registry writes it; the web reads it.
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
    /// <summary>The answer for <paramref name="useCase"/> at <paramref name="revision"/>.</summary>
    public static RegisteredUseCase From(UseCase useCase, int revision, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(useCase);
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
            revision,
            createdAt,
            updatedAt);
    }

    /// <summary>The body of <c>PUT /api/v1/use-cases/{id}</c>: the definition without its bookkeeping.</summary>
    public object ToReplacement() => new
    {
        Id, Name, Category, BusinessOwner, AiGoLiveDate, UnitEconomics, PrimaryMetric, GuardrailMetrics, Targets, CustomMetrics,
        SegmentDimensions, ReviewCadenceDays,
    };
}
