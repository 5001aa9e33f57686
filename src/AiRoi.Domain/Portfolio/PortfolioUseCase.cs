using AiRoi.Domain.Health;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Roi;
using AiRoi.Domain.Targets;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Portfolio;

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
/// <param name="Health">The health checks that apply; their reasons and evidence are on the use case's health report.</param>
/// <param name="RoiSinceGoLive">ROI from go-live to today; null before go-live.</param>
/// <param name="NoRoiReason">Why there is no ROI figure over the last 90 days (no go-live date, no baseline, no fixed costs); null when there is one.</param>
/// <param name="CanSetBaseline">Events from before go-live exist and a key metric has no baseline: one can be set from them now.</param>
/// <param name="Currency">The use case's own currency when it is not the organization's (<see cref="PortfolioReport.Currency"/>); null otherwise.</param>
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
    IReadOnlyList<HealthCheck> Health,
    PortfolioRoiFigures? RoiSinceGoLive = null,
    string? NoRoiReason = null,
    bool CanSetBaseline = false,
    string? Currency = null)
{
    /// <summary>Traced model calls that never found their outcome event: spend with no measured value.</summary>
    public AiCost.AiSpendWithNoOutcome? AiSpendWithNoOutcome { get; init; }

    /// <summary>The row of a use case's summary.</summary>
    public static PortfolioUseCase From(UseCaseSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Id, summary.Name, summary.Category, summary.Owner, summary.Archived, summary.Events, summary.LastEventAt,
            summary.KeyMetrics.Select(PortfolioMetric.From).ToList(),
            PortfolioRoiFigures.From(summary.Roi),
            summary.Health.Select(finding => finding.Check).ToList(),
            PortfolioRoiFigures.From(summary.RoiSinceGoLive),
            Why(summary),
            summary.HasPreAiData && summary.Health.Any(finding => finding.Check == HealthCheck.NoBaseline),
            summary.Currency)
        {
            AiSpendWithNoOutcome = summary.AiSpendWithNoOutcome,
        };
    }

    /// <summary>Why a use case has no ROI over the period shown, in the ROI notes' words; null when it has one.</summary>
    private static string? Why(UseCaseSummary summary) => summary.Roi switch
    {
        null => "Not live yet: ROI starts at the AI go-live date.",
        { Roi: not null } => null,
        { } roi => string.Join(" ", roi.Notes.Where(note => !note.StartsWith("Payback", StringComparison.Ordinal))) is { Length: > 0 } notes
            ? notes
            : "No ROI over the period.",
    };
}

/// <summary>A key metric on the portfolio page (the tile's definition and intervals are on the use case's metrics).</summary>
/// <param name="Key">Metric key.</param>
/// <param name="Name">Display name.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Value">Last 28 days; null without data.</param>
/// <param name="Baseline">The current baseline; null without one.</param>
/// <param name="Change">Value minus baseline.</param>
/// <param name="Improved">Whether the change is for the better.</param>
/// <param name="Target">The metric's nearest-due target value; null without targets.</param>
/// <param name="TargetStatus">That target's status.</param>
public sealed record PortfolioMetric(
    string Key, string Name, MetricUnit Unit, double? Value, double? Baseline, double? Change, bool? Improved, double? Target, TargetStatus? TargetStatus)
{
    /// <summary>The portfolio's view of a KPI tile.</summary>
    public static PortfolioMetric From(KeyMetricSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var target = summary.Targets.OrderBy(evaluation => evaluation.Target.DueDate).FirstOrDefault();
        return new(summary.Metric.Key, summary.Metric.Name, summary.Metric.Unit,
            summary.Current.Value, summary.Baseline?.Value, summary.Change, summary.Improved, target?.Target.Value, target?.Status);
    }
}

/// <summary>A figure with its 95 % interval.</summary>
/// <param name="Value">The estimate.</param>
/// <param name="Low">Lower end.</param>
/// <param name="High">Upper end.</param>
public sealed record PortfolioFigure(double Value, double Low, double High)
{
    /// <summary>The figure of an estimate; null for none.</summary>
    public static PortfolioFigure? From(Estimate? estimate) => estimate is null ? null : new(estimate.Value, estimate.Low, estimate.High);
}

/// <summary>A use case's ROI on the portfolio page; the notes and baseline versions are on the use case's ROI report.</summary>
/// <param name="Savings">Savings.</param>
/// <param name="RevenueLift">Revenue lift.</param>
/// <param name="TimeSavedHours">Hours saved.</param>
/// <param name="FixedCosts">Fixed costs.</param>
/// <param name="NetBenefit">Net benefit.</param>
/// <param name="Roi">ROI.</param>
/// <param name="PaybackMonths">Payback period in months.</param>
public sealed record PortfolioRoiFigures(
    PortfolioFigure? Savings, PortfolioFigure? RevenueLift, PortfolioFigure? TimeSavedHours, double FixedCosts,
    PortfolioFigure? NetBenefit, PortfolioFigure? Roi, double? PaybackMonths)
{
    /// <summary>The portfolio's view of a use case's ROI; null for none.</summary>
    public static PortfolioRoiFigures? From(RoiFigures? roi) => roi is null ? null : new(
        PortfolioFigure.From(roi.Savings), PortfolioFigure.From(roi.RevenueLift), PortfolioFigure.From(roi.TimeSavedHours),
        roi.FixedCosts, PortfolioFigure.From(roi.NetBenefit), PortfolioFigure.From(roi.Roi), roi.PaybackMonths);
}
