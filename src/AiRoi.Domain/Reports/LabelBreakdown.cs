using AiRoi.Domain.Rollups;
using AiRoi.Domain.Trends;

namespace AiRoi.Domain.Reports;

/// <summary>
/// Escalation reasons or exception types over time: how often each happened per period, the overall rate, and
/// whether that rate is trending (the slope per period and its significance).
/// </summary>
/// <param name="Kind"><c>escalation-reasons</c> or <c>exception-types</c>.</param>
/// <param name="Granularity">The period length.</param>
/// <param name="Rate">The escalation or exception rate by period.</param>
/// <param name="Trend">
/// The least-squares slope of the rate per period, weighted by events, over the complete periods since go-live only
/// (<paramref name="TrendFrom"/> to <paramref name="TrendUntil"/>): before go-live nothing escalates to a person and
/// the rate reads 0, and the current period is partial; either would make a trend that is not there. Null with
/// fewer than three such periods.
/// </param>
/// <param name="Labels">Each reason or type with its count, share and per-period counts, most frequent first.</param>
/// <param name="TrendFrom">The start of the first period the trend was fitted over; null when there is none.</param>
/// <param name="TrendUntil">The end (exclusive) of the last period the trend was fitted over; null when there is none.</param>
public sealed record LabelBreakdown(
    string Kind, Granularity Granularity, IReadOnlyList<MetricPoint> Rate, TrendResult? Trend, IReadOnlyList<LabelCounts> Labels,
    DateOnly? TrendFrom = null, DateOnly? TrendUntil = null);

/// <summary>One escalation reason or exception type.</summary>
/// <param name="Label">The reason or type; <c>(other)</c> collects those past the tracked bound, <c>(none)</c> those sent without one.</param>
/// <param name="Count">Events with it in the range.</param>
/// <param name="Share">Its share of all escalations (or exceptions) in the range.</param>
/// <param name="ByPeriod">Count per period start.</param>
public sealed record LabelCounts(string Label, long Count, double Share, IReadOnlyDictionary<DateOnly, long> ByPeriod);
