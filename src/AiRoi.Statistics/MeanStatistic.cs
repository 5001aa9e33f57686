namespace AiRoi.Statistics;

/// <summary>A per-unit value metric (time to resolution, revenue per user, CSAT …) as running sums.</summary>
/// <param name="N">Units exposed to the variant.</param>
/// <param name="Sum">Sum of the per-unit values.</param>
/// <param name="SumSquares">Sum of the squared per-unit values.</param>
/// <param name="Covariate">Optional pre-period covariate for CUPED variance reduction.</param>
public sealed record MeanStatistic(long N, double Sum, double SumSquares, CupedCovariate? Covariate = null)
    : SampleStatistic(N)
{
    /// <inheritdoc />
    public override MetricKind Kind => MetricKind.Mean;

    internal override ArmMoments Moments(string field)
    {
        Require.Units(N, $"{field}.n");
        Require.Finite(Sum, $"{field}.sum");
        Require.NonNegative(SumSquares, $"{field}.sumSquares");
        var variance = SufficientStatistics.Variance(N, Sum, SumSquares, $"{field}.sumSquares");
        return new ArmMoments(N, Sum / N, variance);
    }
}
