namespace AiRoi.Domain.Trends;

/// <summary>The straight-line trend of a series of periods, from <see cref="TrendSlope.Fit"/>.</summary>
/// <param name="Slope">Change of the metric per period (per unit of X), e.g. exception rate per week.</param>
/// <param name="Intercept">The fitted value at X = 0.</param>
/// <param name="StandardError">Standard error of the slope; 0 when every point lies on the line.</param>
/// <param name="Low">Lower end of the 1 − α confidence interval of the slope (Student t, n − 2 degrees of freedom).</param>
/// <param name="High">Upper end of that interval.</param>
/// <param name="PValue">Two-sided p-value of "no trend" (slope 0).</param>
/// <param name="Points">Number of periods in the fit (those with a positive weight).</param>
/// <param name="Significant">Whether <paramref name="PValue"/> is below α: the trend is unlikely to be noise.</param>
public sealed record TrendResult(
    double Slope,
    double Intercept,
    double StandardError,
    double Low,
    double High,
    double PValue,
    int Points,
    bool Significant);
