namespace AiRoi.Statistics;

/// <summary>The kind of metric a <see cref="SampleStatistic"/> describes.</summary>
public enum MetricKind
{
    /// <summary>Share of units that converted (<see cref="ProportionStatistic"/>).</summary>
    Proportion,
    /// <summary>Mean of a per-unit value (<see cref="MeanStatistic"/>).</summary>
    Mean,
    /// <summary>Ratio of two per-unit sums, e.g. revenue per order (<see cref="RatioStatistic"/>).</summary>
    Ratio,
}
