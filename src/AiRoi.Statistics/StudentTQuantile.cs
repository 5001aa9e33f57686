using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace AiRoi.Statistics;

/// <summary>
/// The Student-t quantile of a two-sided test at any accepted α and any degrees of freedom. MathNet's inverse CDF
/// gives up (or saturates) when the degrees of freedom are small and α is small, e.g. arms of two units at
/// α = 10⁻⁶, where the quantile is in the hundreds of thousands; the quantile is then found by bisection on the
/// t distribution's lower tail, which MathNet computes accurately that far out.
/// </summary>
internal static class StudentTQuantile
{
    /// <summary>
    /// Degrees of freedom beyond which the t distribution is the normal one to far better than any answer shows
    /// (the quantiles differ by about 1/df); MathNet's t functions lose precision out there.
    /// </summary>
    private const double NormalBeyond = 1e7;

    /// <summary>Relative accuracy of a quantile found by bisection: far below the 5 decimals any answer shows.</summary>
    private const double RelativeAccuracy = 1e-12;

    /// <summary>The t with P(T &gt; t) = α/2, for <paramref name="degreesOfFreedom"/> &gt; 0 and α in (0, 1).</summary>
    public static double TwoSided(double degreesOfFreedom, double alpha)
    {
        var tail = alpha / 2;
        if (degreesOfFreedom > NormalBeyond)
        {
            return Normal.InvCDF(0, 1, 1 - tail);
        }
        if (TryInverse(degreesOfFreedom, tail) is { } quantile)
        {
            return quantile;
        }

        // The tail probability falls as t grows: double the bracket until it holds the root, then bisect.
        double LowerTailMinusTarget(double t) => StudentT.CDF(0, 1, degreesOfFreedom, -t) - tail;
        var upper = 1.0;
        while (LowerTailMinusTarget(upper) > 0)
        {
            upper *= 2;
        }
        return Bisection.FindRoot(LowerTailMinusTarget, upper / 2, upper, upper * RelativeAccuracy, 10_000);
    }

    /// <summary>MathNet's answer when it has one that checks out: finite, and its tail within 1 % of the target.</summary>
    private static double? TryInverse(double degreesOfFreedom, double tail)
    {
        try
        {
            var quantile = StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - tail);
            var achieved = StudentT.CDF(0, 1, degreesOfFreedom, -quantile);
            return double.IsFinite(quantile) && quantile > 0 && Math.Abs(achieved / tail - 1) < 0.01 ? quantile : null;
        }
        catch (NonConvergenceException)
        {
            return null;
        }
    }
}
