using AiRoi.Domain.Attribution;
using AiRoi.Domain.Metrics;

namespace AiRoi.Domain.Health;

/// <summary>A key metric whose interrupted time series found an "effect" at fake go-live dates before the real one.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Attribution">Its attribution, whose placebo test fired.</param>
public sealed record MetricPlacebo(MetricDefinition Metric, MetricAttribution Attribution);
