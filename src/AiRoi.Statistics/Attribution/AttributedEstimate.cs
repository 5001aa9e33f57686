using MathNet.Numerics.Distributions;

namespace AiRoi.Statistics.Attribution;

/// <summary>An effect with its 95 % interval and two-sided p-value against no effect.</summary>
/// <param name="Value">The point estimate.</param>
/// <param name="StandardError">Its standard error, robust to autocorrelated and unequal errors.</param>
/// <param name="Low">Lower end of the 95 % interval.</param>
/// <param name="High">Upper end of the 95 % interval.</param>
/// <param name="PValue">Two-sided p-value of "no effect".</param>
public sealed record AttributedEstimate(double Value, double StandardError, double Low, double High, double PValue)
{
    /// <summary>An estimate from a value and its standard error under Student's t with <paramref name="degreesOfFreedom"/>.</summary>
    public static AttributedEstimate FromError(double value, double error, double degreesOfFreedom)
    {
        var half = StudentTQuantile.TwoSided(degreesOfFreedom, 0.05) * error;
        var p = error > 0
            ? 2 * StudentT.CDF(0, 1, degreesOfFreedom, -Math.Abs(value / error))
            : value == 0 ? 1 : 0;
        return new AttributedEstimate(value, error, value - half, value + half, Math.Min(1, p));
    }
}
