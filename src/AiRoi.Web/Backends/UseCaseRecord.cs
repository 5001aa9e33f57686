using AiRoi.Domain.Metrics;
using AiRoi.Domain.UseCases;

namespace AiRoi.Web.Backends;

/// <summary>
/// A use case as the registry answers it (<c>GET /api/v1/use-cases/{id}</c>): the definition and its revision.
/// </summary>
/// <param name="Id">Slug id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Category">Kind of work.</param>
/// <param name="BusinessOwner">The business owner; null when none.</param>
/// <param name="AiGoLiveDate">When the AI went live; null when not yet.</param>
/// <param name="UnitEconomics">Loaded human cost, value of a conversion, fixed monthly costs.</param>
/// <param name="PrimaryMetric">The metric that decides.</param>
/// <param name="GuardrailMetrics">Metrics that must not get worse.</param>
/// <param name="Targets">What good looks like.</param>
/// <param name="CustomMetrics">Metrics declared for this use case.</param>
/// <param name="SegmentDimensions">Attributes events are segmented by.</param>
/// <param name="ReviewCadenceDays">How often it is reviewed.</param>
/// <param name="Archived">Whether it is retired.</param>
/// <param name="Revision">The revision a change must name (If-Match).</param>
public sealed record UseCaseRecord(
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
    int Revision)
{
    /// <summary>The body of <c>PUT /api/v1/use-cases/{id}</c>: the definition without its bookkeeping.</summary>
    public object ToReplacement() => new
    {
        Id, Name, Category, BusinessOwner, AiGoLiveDate, UnitEconomics, PrimaryMetric, GuardrailMetrics, Targets, CustomMetrics,
        SegmentDimensions, ReviewCadenceDays,
    };
}
