using AiRoi.Domain.Health;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Roi;
using AiRoi.Domain.Targets;
using AiRoi.Domain.UseCases;

namespace AiRoi.Metrics.Portfolio;

/// <summary>One use case on the portfolio page: its key value metrics against baseline and target, ROI and health flags.</summary>
/// <param name="Id">The use case id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Category">Kind of work.</param>
/// <param name="Owner">The business owner; null when none.</param>
/// <param name="Archived">Whether it is retired.</param>
/// <param name="Events">Events recorded.</param>
/// <param name="LastEventAt">When the latest event completed.</param>
/// <param name="KeyMetrics">Key value metrics (vanity metrics never headline), primary first.</param>
/// <param name="Roi">ROI over the last 90 days since go-live; null before go-live.</param>
/// <param name="Health">The health checks that apply, with their reasons.</param>
public sealed record PortfolioRow(
    string Id,
    string Name,
    UseCaseCategory Category,
    BusinessOwner? Owner,
    bool Archived,
    long Events,
    DateTimeOffset? LastEventAt,
    IReadOnlyList<PortfolioMetric> KeyMetrics,
    RoiFigures? Roi,
    IReadOnlyList<PortfolioFlag> Health)
{
    /// <summary>The row of a use case's summary.</summary>
    public static PortfolioRow From(UseCaseSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Id, summary.Name, summary.Category, summary.Owner, summary.Archived, summary.Events, summary.LastEventAt,
            summary.KeyMetrics.Select(PortfolioMetric.From).ToList(),
            summary.Roi,
            summary.Health.Select(finding => new PortfolioFlag(finding.Check, finding.Reason)).ToList());
    }
}

/// <summary>A key metric on the portfolio page.</summary>
/// <param name="Key">Metric key.</param>
/// <param name="Name">Display name.</param>
/// <param name="Unit">Unit.</param>
/// <param name="GoodDirection">Which way is better.</param>
/// <param name="Role">Process or output.</param>
/// <param name="Value">Last 28 days; null without data.</param>
/// <param name="Baseline">The current baseline; null without one.</param>
/// <param name="BaselineVersion">Which baseline version.</param>
/// <param name="Change">Value minus baseline.</param>
/// <param name="Improved">Whether the change is for the better.</param>
/// <param name="Target">The metric's nearest-due target value; null without targets.</param>
/// <param name="TargetStatus">That target's status.</param>
public sealed record PortfolioMetric(
    string Key, string Name, MetricUnit Unit, GoodDirection GoodDirection, MetricRole Role,
    double? Value, double? Baseline, int? BaselineVersion, double? Change, bool? Improved, double? Target, TargetStatus? TargetStatus)
{
    /// <summary>The portfolio's view of a KPI tile.</summary>
    public static PortfolioMetric From(KeyMetricSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var target = summary.Targets.OrderBy(evaluation => evaluation.Target.DueDate).FirstOrDefault();
        return new(summary.Metric.Key, summary.Metric.Name, summary.Metric.Unit, summary.Metric.GoodDirection, summary.Metric.Role,
            summary.Current.Value, summary.Baseline?.Value, summary.Baseline?.Version, summary.Change, summary.Improved,
            target?.Target.Value, target?.Status);
    }
}

/// <summary>A health flag on the portfolio page.</summary>
/// <param name="Check">Which mistake.</param>
/// <param name="Reason">Why it applies.</param>
public sealed record PortfolioFlag(HealthCheck Check, string Reason);
