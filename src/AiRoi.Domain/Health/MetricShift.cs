using AiRoi.Domain.Metrics;
using AiRoi.Domain.Trends;

namespace AiRoi.Domain.Health;

/// <summary>A significant level shift found in a key metric's weekly series.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Shift">Where the level changed, by how much, and how sure the test is.</param>
public sealed record MetricShift(MetricDefinition Metric, LevelShift Shift);
