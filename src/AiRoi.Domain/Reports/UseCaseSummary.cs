using AiRoi.Domain.Health;
using AiRoi.Domain.Roi;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Reports;

/// <summary>One use case as the portfolio lists it: key metrics against baseline and target, ROI, health.</summary>
/// <param name="Id">The use case id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Category">Kind of work.</param>
/// <param name="Owner">The business owner; null when none.</param>
/// <param name="Archived">Whether it is retired.</param>
/// <param name="Events">Events recorded in total.</param>
/// <param name="LastEventAt">When the latest event completed.</param>
/// <param name="KeyMetrics">The key metrics (primary first); vanity metrics are left out of the headline.</param>
/// <param name="Roi">ROI over the last full quarter of days (the 90 days up to today); null before go-live.</param>
/// <param name="Health">The checks that apply.</param>
/// <param name="RoiSinceGoLive">ROI from go-live to today; null before go-live.</param>
/// <param name="HasPreAiData">Events completed before go-live exist, so a before-go-live baseline can be set.</param>
/// <param name="Currency">The use case's own currency (ISO 4217) when it is not the organization's; null otherwise.</param>
public sealed record UseCaseSummary(
    string Id,
    string Name,
    UseCaseCategory Category,
    BusinessOwner? Owner,
    bool Archived,
    long Events,
    DateTimeOffset? LastEventAt,
    IReadOnlyList<KeyMetricSummary> KeyMetrics,
    RoiFigures? Roi,
    IReadOnlyList<HealthFinding> Health,
    RoiFigures? RoiSinceGoLive = null,
    bool HasPreAiData = false,
    string? Currency = null)
{
    /// <summary>Traced model calls that never found their outcome event: spend with no measured value.</summary>
    public AiCost.AiSpendWithNoOutcome? AiSpendWithNoOutcome { get; init; }
}
