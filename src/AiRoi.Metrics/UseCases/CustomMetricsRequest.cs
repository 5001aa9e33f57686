using AiRoi.Domain.Metrics;

namespace AiRoi.Metrics.UseCases;

/// <summary>The body of <c>PUT /api/v1/use-cases/{id}/custom-metrics</c>: the use case's new custom metric definitions.</summary>
public sealed record CustomMetricsRequest
{
    /// <summary>
    /// Required (may be empty). Replaces every custom metric; at most 50. The primary metric, guardrails and targets
    /// must still name known metrics afterwards.
    /// </summary>
    public IReadOnlyList<CustomMetricDefinition>? CustomMetrics { get; init; }
}
