namespace AiRoi.Domain.UseCases;

/// <summary>"What good looks like": a threshold a metric should reach by a date, set by the business owner.</summary>
/// <param name="MetricKey">A built-in metric key or one of the use case's custom metric names.</param>
/// <param name="Direction">At least (higher is better) or at most (lower is better).</param>
/// <param name="Value">The threshold, in the metric's unit (a ratio as 0–1, resolution time in seconds).</param>
/// <param name="DueDate">The date by which the metric should meet the threshold.</param>
public sealed record Target(string MetricKey, TargetDirection Direction, double Value, DateOnly DueDate);
