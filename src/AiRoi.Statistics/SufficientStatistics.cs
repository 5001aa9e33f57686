namespace AiRoi.Statistics;

/// <summary>Sample variance and covariance from running sums, so analysis cost does not grow with traffic.</summary>
internal static class SufficientStatistics
{
    // Sums of squares minus the squared sum lose digits to cancellation; a result this far below zero,
    // relative to the magnitudes involved, is rounding noise from consistent sums and is read as zero.
    private const double RoundingTolerance = 1e-9;

    /// <summary>Sample variance with n − 1.</summary>
    public static double Variance(long n, double sum, double sumSquares, string field)
    {
        var squaredSumOverN = sum * sum / n;
        if (!double.IsFinite(squaredSumOverN))
        {
            // An overflowed square would cancel to a variance of zero and pass for a constant metric.
            throw new StatisticsInputException(field, InputProblem.NotFinite, $"The sums behind {field} are too large to analyse in double precision.");
        }

        var centred = sumSquares - squaredSumOverN;
        if (centred < -RoundingTolerance * Math.Max(1, Math.Max(Math.Abs(sumSquares), squaredSumOverN)))
        {
            throw new StatisticsInputException(
                field,
                InputProblem.InconsistentSums,
                $"{field} is too small for its sum: the implied variance is negative (sum {sum}, sum of squares {sumSquares}, n {n}).");
        }

        return Math.Max(0, centred) / (n - 1);
    }

    /// <summary>Sample covariance with n − 1; refused when it breaks Cauchy–Schwarz, i.e. no data could produce it.</summary>
    public static double Covariance(
        long n, double sumX, double sumY, double sumProducts, double varianceX, double varianceY, string field)
    {
        var covariance = (sumProducts - sumX * sumY / n) / (n - 1);
        var bound = Math.Sqrt(varianceX * varianceY);
        if (Math.Abs(covariance) > bound * (1 + 1e-6) + RoundingTolerance * Math.Max(1, Math.Abs(sumProducts)) / (n - 1))
        {
            throw new StatisticsInputException(
                field,
                InputProblem.InconsistentSums,
                $"{field} implies a covariance ({covariance}) larger than the two variances allow ({bound}).");
        }

        return covariance;
    }
}
