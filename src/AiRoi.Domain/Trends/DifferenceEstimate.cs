namespace AiRoi.Domain.Trends;

/// <summary>An estimated AI − human difference in a metric's mean, with its normal-approximation uncertainty.</summary>
/// <param name="Difference">AI mean − human mean, in the metric's unit.</param>
/// <param name="StandardError">Standard error of the difference.</param>
/// <param name="Low">Lower end of the 1 − α confidence interval (normal quantiles).</param>
/// <param name="High">Upper end of that interval.</param>
/// <param name="PValue">Two-sided p-value of "no difference".</param>
public sealed record DifferenceEstimate(double Difference, double StandardError, double Low, double High, double PValue);
