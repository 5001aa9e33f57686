using AiRoi.Domain.Trends;

namespace AiRoi.Domain.Reports;

/// <summary>
/// AI-handled against human-handled events on one metric: the raw difference, and the difference within strata
/// of one attribute (complexity, segment) weighted by the strata's sizes, so that AI getting the easy cases does
/// not flatter it.
/// </summary>
/// <param name="MetricKey">The metric compared (per-event values: means, rates, NPS contributions).</param>
/// <param name="StratifiedBy">The attribute dimension the strata come from; null for the raw comparison only.</param>
/// <param name="From">First day of the range.</param>
/// <param name="Until">First day after the range.</param>
/// <param name="Comparison">Raw and stratified differences (AI − human) with intervals, and each stratum.</param>
public sealed record HandlerComparison(string MetricKey, string? StratifiedBy, DateOnly From, DateOnly Until, StratifiedComparison Comparison);
