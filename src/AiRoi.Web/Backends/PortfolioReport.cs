using AiRoi.Domain.Health;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Roi;
using AiRoi.Domain.Targets;
using AiRoi.Domain.UseCases;

namespace AiRoi.Web.Backends;

/// <summary>
/// <c>GET /api/v1/portfolio</c> as the metrics API writes it. Its rows are the metrics service's own compact
/// form (not a domain type), so the web reads them into these records of the same shape.
/// </summary>
/// <param name="AsOf">The day the figures are for.</param>
/// <param name="UseCases">Every listed use case.</param>
/// <param name="Totals">The listed use cases' ROI added up.</param>
/// <param name="Health">How many listed use cases each check applies to (and <c>healthy</c>).</param>
public sealed record PortfolioReport(DateOnly AsOf, IReadOnlyList<PortfolioUseCase> UseCases, PortfolioRoi Totals, IReadOnlyDictionary<string, int> Health);

/// <summary>One use case on the portfolio: key value metrics against baseline and target, ROI, health flags.</summary>
/// <param name="Id">Slug id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Category">Kind of work.</param>
/// <param name="Owner">The business owner; null when none.</param>
/// <param name="Archived">Whether it is retired.</param>
/// <param name="Events">Events recorded.</param>
/// <param name="LastEventAt">When the latest event completed.</param>
/// <param name="KeyMetrics">Key value metrics, primary first (never vanity metrics).</param>
/// <param name="Roi">ROI over the last 90 days; null before go-live.</param>
/// <param name="Health">The checks that apply.</param>
public sealed record PortfolioUseCase(
    string Id,
    string Name,
    UseCaseCategory Category,
    BusinessOwner? Owner,
    bool Archived,
    long Events,
    DateTimeOffset? LastEventAt,
    IReadOnlyList<PortfolioMetric> KeyMetrics,
    PortfolioRoiFigures? Roi,
    IReadOnlyList<HealthCheck>? Health)
{
    /// <summary>The checks that apply (none when the field was left out).</summary>
    public IReadOnlyList<HealthCheck> Flags => Health ?? [];
}

/// <summary>A key metric on the portfolio.</summary>
/// <param name="Key">Metric key.</param>
/// <param name="Name">Display name.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Value">Last 28 days; null without data.</param>
/// <param name="Baseline">The current baseline; null without one.</param>
/// <param name="Change">Value minus baseline.</param>
/// <param name="Improved">Whether the change is for the better.</param>
/// <param name="Target">The nearest-due target's value; null without targets.</param>
/// <param name="TargetStatus">That target's status.</param>
public sealed record PortfolioMetric(
    string Key, string Name, MetricUnit Unit, double? Value, double? Baseline, double? Change, bool? Improved, double? Target, TargetStatus? TargetStatus);

/// <summary>A figure with its 95 % interval.</summary>
/// <param name="Value">The estimate.</param>
/// <param name="Low">Lower end.</param>
/// <param name="High">Upper end.</param>
public sealed record PortfolioFigure(double Value, double Low, double High);

/// <summary>A use case's ROI on the portfolio.</summary>
/// <param name="Savings">Savings.</param>
/// <param name="RevenueLift">Revenue lift.</param>
/// <param name="TimeSavedHours">Hours saved.</param>
/// <param name="FixedCosts">Fixed costs.</param>
/// <param name="NetBenefit">Net benefit.</param>
/// <param name="Roi">ROI as a fraction of fixed costs.</param>
/// <param name="PaybackMonths">Payback period in months.</param>
public sealed record PortfolioRoiFigures(
    PortfolioFigure? Savings, PortfolioFigure? RevenueLift, PortfolioFigure? TimeSavedHours, double FixedCosts,
    PortfolioFigure? NetBenefit, PortfolioFigure? Roi, double? PaybackMonths);
