using System.Globalization;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.Trends;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Targets;

/// <summary>
/// Decides a target's status from the use case's roll-up: the metric over the last four weeks against the
/// threshold, and, while the due date is ahead and the threshold not yet met, the weekly trend projected to it.
/// </summary>
public static class TargetEvaluator
{
    /// <summary>Days of events the current value is measured over: four weeks, so weekday swings cancel out.</summary>
    public const int WindowDays = 28;

    /// <summary>Weeks of history the trend is fitted to: a quarter, recent enough to describe the AI as it is now.</summary>
    public const int TrendWeeks = 13;

    /// <summary>The status of <paramref name="target"/> on <paramref name="today"/>.</summary>
    public static TargetEvaluation Evaluate(Target target, MetricDefinition metric, UseCaseRollup rollup, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rollup);
        var due = target.DueDate;
        var end = (today < due ? today : due).AddDays(1);
        var current = MetricReader.Read(metric, rollup.Aggregate(end.AddDays(-WindowDays), end, CellFilter.All), rollup.Shape).Value;
        if (IsTotal(metric) && current is { } total)
        {
            // Targets on totals (tasks completed, pipeline value) are per week, like the trend they are projected on.
            current = total / (WindowDays / 7.0);
        }
        var threshold = target.Value.ToString("G6", CultureInfo.InvariantCulture);

        if (current is { } value && Meets(target, value))
        {
            return new(target, TargetStatus.Met, value, null, $"{metric.Name} is {Format(value)} over the last {WindowDays} days, meeting the target of {threshold}.");
        }
        if (today > due)
        {
            return new(target, TargetStatus.Missed, current, null, current is null
                ? $"The due date {due:yyyy-MM-dd} has passed with no data for {metric.Name}."
                : $"The due date {due:yyyy-MM-dd} has passed and {metric.Name} was {Format(current.Value)}, short of {threshold}.");
        }

        var projected = Project(metric, rollup, today, due);
        if (projected is { } p && Meets(target, p))
        {
            return new(target, TargetStatus.OnTrack, current, p, $"{metric.Name} is {Format(current)} now; its weekly trend reaches {Format(p)} by {due:yyyy-MM-dd}, meeting {threshold}.");
        }
        return new(target, TargetStatus.AtRisk, current, projected, current is null
            ? $"No data for {metric.Name} in the last {WindowDays} days, so the target of {threshold} cannot be shown to be reached."
            : projected is null
                ? $"{metric.Name} is {Format(current)}, short of {threshold}, and there is not enough history for a trend."
                : $"{metric.Name} is {Format(current)} and its weekly trend reaches only {Format(projected)} by {due:yyyy-MM-dd}, short of {threshold}.");
    }

    /// <summary>Whether the metric is a total over a period (sum or count), whose targets are read per week.</summary>
    public static bool IsTotal(MetricDefinition metric) =>
        metric?.Aggregation is Aggregation.Sum or Aggregation.Count;

    /// <summary>Whether a value is on the right side of the target's threshold.</summary>
    public static bool Meets(Target target, double value) =>
        target.Direction == TargetDirection.AtLeast ? value >= target.Value : value <= target.Value;

    /// <summary>The weekly values of the last <see cref="TrendWeeks"/> weeks, fitted by a line weighted by events and read at the due date.</summary>
    private static double? Project(MetricDefinition metric, UseCaseRollup rollup, DateOnly today, DateOnly due)
    {
        var thisWeek = Periods.StartOf(today, Granularity.Week);
        var from = thisWeek.AddDays(-7 * (TrendWeeks - 1));
        var points = new List<TrendPoint>();
        foreach (var (start, cell) in rollup.Series(from, today.AddDays(1), Granularity.Week, CellFilter.All))
        {
            var reading = MetricReader.Read(metric, cell, rollup.Shape);
            if (reading.Value is { } value)
            {
                points.Add(new TrendPoint((start.DayNumber - from.DayNumber) / 7.0, value, reading.N));
            }
        }
        var fit = TrendSlope.Fit(points);
        return fit is null ? null : fit.Intercept + fit.Slope * ((due.DayNumber - from.DayNumber) / 7.0);
    }

    private static string Format(double? value) => value?.ToString("G4", CultureInfo.InvariantCulture) ?? "unknown";
}
