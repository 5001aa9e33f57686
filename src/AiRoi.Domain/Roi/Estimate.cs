namespace AiRoi.Domain.Roi;

/// <summary>A figure that rests on a sample, with its 95 % interval.</summary>
/// <param name="Value">The point estimate.</param>
/// <param name="Low">Lower end of the 95 % interval; equal to <paramref name="Value"/> when nothing in it is sampled.</param>
/// <param name="High">Upper end of the 95 % interval.</param>
/// <param name="StandardError">Standard error of the estimate; 0 for exact figures.</param>
public sealed record Estimate(double Value, double Low, double High, double StandardError)
{
    /// <summary>An estimate from a value and its standard error, with the normal 95 % interval.</summary>
    public static Estimate FromError(double value, double standardError) =>
        new(value, value - Rollups.MetricReader.Z * standardError, value + Rollups.MetricReader.Z * standardError, standardError);

    /// <summary>An exact figure.</summary>
    public static Estimate Exact(double value) => new(value, value, value, 0);

    /// <summary>
    /// The sum of independent estimates (use cases, savings and revenue lift): values add, standard errors add in
    /// quadrature.
    /// </summary>
    public static Estimate Sum(IEnumerable<Estimate> estimates)
    {
        double value = 0, variance = 0;
        foreach (var estimate in estimates)
        {
            value += estimate.Value;
            variance += estimate.StandardError * estimate.StandardError;
        }
        return FromError(value, Math.Sqrt(variance));
    }
}
