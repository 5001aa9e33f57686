namespace AiRoi.Statistics;

/// <summary>
/// A ratio metric whose unit of analysis is not its denominator, e.g. revenue per order when users are
/// randomised. The variance comes from the delta method on the two per-unit sums and their covariance.
/// </summary>
/// <param name="N">Units (randomised subjects) exposed to the variant.</param>
/// <param name="NumeratorSum">Sum of the per-unit numerators.</param>
/// <param name="NumeratorSumSquares">Sum of the squared per-unit numerators.</param>
/// <param name="DenominatorSum">Sum of the per-unit denominators (must not be zero).</param>
/// <param name="DenominatorSumSquares">Sum of the squared per-unit denominators.</param>
/// <param name="SumProducts">Sum over units of (numerator × denominator).</param>
public sealed record RatioStatistic(
    long N,
    double NumeratorSum,
    double NumeratorSumSquares,
    double DenominatorSum,
    double DenominatorSumSquares,
    double SumProducts) : SampleStatistic(N)
{
    /// <inheritdoc />
    public override MetricKind Kind => MetricKind.Ratio;

    internal override ArmMoments Moments(string field)
    {
        Require.Units(N, $"{field}.n");
        Require.Finite(NumeratorSum, $"{field}.numeratorSum");
        Require.NonNegative(NumeratorSumSquares, $"{field}.numeratorSumSquares");
        Require.Finite(DenominatorSum, $"{field}.denominatorSum");
        Require.NonNegative(DenominatorSumSquares, $"{field}.denominatorSumSquares");
        Require.Finite(SumProducts, $"{field}.sumProducts");
        if (DenominatorSum == 0)
        {
            throw new StatisticsInputException(
                $"{field}.denominatorSum", InputProblem.ZeroBaseline, $"{field}.denominatorSum is zero, so the ratio is undefined.");
        }

        var numeratorVariance = SufficientStatistics.Variance(N, NumeratorSum, NumeratorSumSquares, $"{field}.numeratorSumSquares");
        var denominatorVariance = SufficientStatistics.Variance(N, DenominatorSum, DenominatorSumSquares, $"{field}.denominatorSumSquares");
        var covariance = SufficientStatistics.Covariance(
            N, NumeratorSum, DenominatorSum, SumProducts, numeratorVariance, denominatorVariance, $"{field}.sumProducts");

        var numeratorMean = NumeratorSum / N;
        var denominatorMean = DenominatorSum / N;
        var ratio = numeratorMean / denominatorMean;

        // Delta method for m/d: Var(m)/d² − 2·Cov(m,d)·m/d³ + m²·Var(d)/d⁴ (per unit; divided by n later).
        var variance = numeratorVariance / Math.Pow(denominatorMean, 2)
            - 2 * covariance * numeratorMean / Math.Pow(denominatorMean, 3)
            + Math.Pow(numeratorMean, 2) * denominatorVariance / Math.Pow(denominatorMean, 4);
        return new ArmMoments(N, ratio, Math.Max(0, variance));
    }
}
