namespace AiRoi.Statistics.Attribution;

/// <summary>
/// The AI's effect on the metric in period t after go-live (t = 0, 1, …): <c>Level + Slope·t</c>, with the
/// covariance of the two, so that the effect over any stretch of weeks (the ROI's 90 days, one month) has its own
/// interval without fitting again.
/// </summary>
/// <param name="Level">The step at go-live.</param>
/// <param name="Slope">The change of slope per period after go-live (0 for difference-in-differences).</param>
/// <param name="LevelVariance">Variance of <paramref name="Level"/>.</param>
/// <param name="SlopeVariance">Variance of <paramref name="Slope"/>.</param>
/// <param name="LevelSlopeCovariance">Covariance of the two.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the reference t distribution.</param>
public sealed record EffectModel(
    double Level, double Slope, double LevelVariance, double SlopeVariance, double LevelSlopeCovariance, double DegreesOfFreedom)
{
    /// <summary>The task-weighted mean effect over the given periods; null when they weigh nothing.</summary>
    public AttributedEstimate? Over(IEnumerable<(int Period, double Weight)> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        double total = 0, weightedPeriod = 0;
        foreach (var (period, weight) in periods)
        {
            if (weight > 0 && double.IsFinite(weight))
            {
                total += weight;
                weightedPeriod += weight * period;
            }
        }
        if (total <= 0)
        {
            return null;
        }
        var meanPeriod = weightedPeriod / total;
        var value = Level + Slope * meanPeriod;
        var variance = LevelVariance + meanPeriod * meanPeriod * SlopeVariance + 2 * meanPeriod * LevelSlopeCovariance;
        return AttributedEstimate.FromError(value, Math.Sqrt(Math.Max(0, variance)), DegreesOfFreedom);
    }
}
