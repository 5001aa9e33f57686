using AiRoi.Domain.Rollups;

namespace AiRoi.Domain.Reports;

/// <summary>A metric by period for one group of events (all, one handler, one segment).</summary>
/// <param name="MetricKey">The metric.</param>
/// <param name="Granularity">Day, week, month or quarter.</param>
/// <param name="Group">Which events: <c>all</c>, a handler (<c>ai</c>), or a segment (<c>complexity=high</c>), possibly both.</param>
/// <param name="Points">One point per period with events, in date order.</param>
/// <param name="Overall">The metric over the whole range.</param>
public sealed record MetricSeries(string MetricKey, Granularity Granularity, string Group, IReadOnlyList<MetricPoint> Points, MetricPoint Overall);
