namespace AiRoi.Domain.Rollups;

/// <summary>
/// One metric's figure over a set of events, with its 95 % interval where the figure is an estimate from a
/// sample (means, rates, quantiles, NPS); sums and counts are exact and carry none.
/// </summary>
/// <param name="Value">The figure; null when no event carried the metric.</param>
/// <param name="N">Events the figure rests on.</param>
/// <param name="Low">Lower end of the 95 % interval; null for exact figures.</param>
/// <param name="High">Upper end of the 95 % interval; null for exact figures.</param>
/// <param name="StandardError">Standard error of <paramref name="Value"/>; null for exact figures and quantiles.</param>
public sealed record MetricReading(double? Value, long N, double? Low, double? High, double? StandardError)
{
    /// <summary>No events carried the metric.</summary>
    public static MetricReading Empty { get; } = new(null, 0, null, null, null);
}
