using AiRoi.Domain.Rollups;

namespace AiRoi.Domain.Reports;

/// <summary>One period of a metric's series.</summary>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Value">The metric over the period; null when no event carried it.</param>
/// <param name="N">Events the value rests on.</param>
/// <param name="Low">Lower end of the 95 % interval, for estimates.</param>
/// <param name="High">Upper end of the 95 % interval, for estimates.</param>
public sealed record MetricPoint(DateOnly PeriodStart, double? Value, long N, double? Low, double? High)
{
    /// <summary>A point from a reading.</summary>
    public static MetricPoint From(DateOnly start, MetricReading reading) => new(start, reading.Value, reading.N, reading.Low, reading.High);
}
