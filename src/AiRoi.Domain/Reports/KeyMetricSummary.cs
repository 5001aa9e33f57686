using AiRoi.Domain.Baselines;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.Targets;

namespace AiRoi.Domain.Reports;

/// <summary>A metric as a KPI tile shows it: value now, baseline, change, target and its status, and the labels.</summary>
/// <param name="Metric">The metric's definition (name, unit, direction, value/vanity, process/output).</param>
/// <param name="Current">The metric over the last four weeks.</param>
/// <param name="Baseline">The current baseline version; null without one.</param>
/// <param name="Change">Current minus baseline.</param>
/// <param name="RelativeChange">Change as a fraction of the baseline.</param>
/// <param name="Improved">Whether the change is in the good direction; null without a change.</param>
/// <param name="Targets">The metric's targets with their status.</param>
public sealed record KeyMetricSummary(
    MetricDefinition Metric,
    MetricReading Current,
    BaselineVersion? Baseline,
    double? Change,
    double? RelativeChange,
    bool? Improved,
    IReadOnlyList<TargetEvaluation> Targets);
