namespace AiRoi.Statistics;

/// <summary>Which direction of a metric is good, e.g. conversion rate up, resolution time down.</summary>
public enum MetricDirection
{
    /// <summary>Larger values are better (conversion, CSAT, revenue).</summary>
    HigherIsBetter,
    /// <summary>Smaller values are better (resolution time, cost to serve, exception rate).</summary>
    LowerIsBetter,
}
