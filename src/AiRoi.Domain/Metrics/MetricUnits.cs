namespace AiRoi.Domain.Metrics;

/// <summary>The range of values each <see cref="MetricUnit"/> allows.</summary>
public static class MetricUnits
{
    /// <summary>
    /// Whether <paramref name="value"/> can be a value of a metric in <paramref name="unit"/>: finite, and inside
    /// the unit's scale (0–1 for ratios, 1–5 for ratings, −100–100 for NPS, non-negative for durations, money and
    /// counts). Used to refuse targets no metric could ever reach.
    /// </summary>
    public static bool Contains(MetricUnit unit, double value) =>
        double.IsFinite(value) && unit switch
        {
            MetricUnit.Ratio => value is >= 0 and <= 1,
            MetricUnit.Rating => value is >= 1 and <= 5,
            MetricUnit.NetPromoterScore => value is >= -100 and <= 100,
            MetricUnit.Score => true,
            _ => value >= 0,
        };
}
