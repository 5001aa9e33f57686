namespace AiRoi.Domain.Metrics;

/// <summary>What a metric means, how it is aggregated and how it is labelled: one row of the metric catalog.</summary>
/// <param name="Key">Stable identifier (<c>fcrRate</c>); built-in keys and custom metric names share one namespace.</param>
/// <param name="Name">Display name for business owners.</param>
/// <param name="Family">The value-metric family of a built-in metric; null for other metrics.</param>
/// <param name="Unit">What the numbers are measured in.</param>
/// <param name="Aggregation">How per-event values become one figure per period, segment or variant.</param>
/// <param name="GoodDirection">Which way is better for the business.</param>
/// <param name="Kind">Value or vanity; vanity never counts toward ROI.</param>
/// <param name="Role">Process (improve the AI) or output (justify the investment).</param>
/// <param name="Description">How the metric is computed from events, in a business owner's words.</param>
public sealed record MetricDefinition(
    string Key,
    string Name,
    MetricFamily? Family,
    MetricUnit Unit,
    Aggregation Aggregation,
    GoodDirection GoodDirection,
    ValueKind Kind,
    MetricRole Role,
    string Description);
