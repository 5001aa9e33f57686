namespace AiRoi.Statistics.Attribution;

/// <summary>An effect with its 95 % interval and two-sided p-value against no effect.</summary>
/// <param name="Value">The point estimate.</param>
/// <param name="StandardError">Its standard error, robust to autocorrelated and unequal errors.</param>
/// <param name="Low">Lower end of the 95 % interval.</param>
/// <param name="High">Upper end of the 95 % interval.</param>
/// <param name="PValue">Two-sided p-value of "no effect".</param>
public sealed record AttributedEstimate(double Value, double StandardError, double Low, double High, double PValue);
