using MathNet.Numerics.Distributions;

namespace AiRoi.Domain.Trends;

/// <summary>
/// Whether a metric drifts over time, and how fast: the least-squares line through one value per period (a
/// weekly exception rate, a daily cost per task). Weighted by the number of events per period when given, so a
/// quiet week of 3 events pulls the line less than a busy week of 300.
/// </summary>
public static class TrendSlope
{
    /// <summary>A line through two points always fits exactly; the residual variance needs n − 2 ≥ 1.</summary>
    private const int MinimumPoints = 3;

    /// <summary>
    /// A fit counts as exact when the residual sum of squares is below this fraction of the total: the residuals
    /// of points exactly on a line come out around 1e-16 of the spread, so their squares around 1e-32.
    /// </summary>
    private const double ExactFitTolerance = 1e-20;

    /// <summary>
    /// Fits Y = Intercept + Slope·X by least squares, weighted by <see cref="TrendPoint.Weight"/>, and tests
    /// the slope against zero.
    /// </summary>
    /// <remarks>
    /// The weights are normalised to sum to the number of points, so the residual variance
    /// Σ wᵢ rᵢ² / (n − 2) is on the scale of an unweighted fit; the slope's standard error is
    /// √(residual variance / Σ wᵢ (xᵢ − x̄)²) with the weighted mean x̄. The p-value is two-sided from Student t
    /// with n − 2 degrees of freedom and the interval is Slope ± t(1 − α/2, n − 2)·StandardError. When every
    /// point lies on the line the standard error is 0 and the p-value is 0 for a non-zero slope, 1 for a flat one.
    /// </remarks>
    /// <param name="points">One point per period; order does not matter. Points with weight 0 are left out.</param>
    /// <param name="alpha">Significance level in (0, 1); 0.05 gives a 95% interval.</param>
    /// <returns>The trend, or null with fewer than 3 weighted points or when they all share one X.</returns>
    /// <exception cref="ArgumentException">A point is null, has a non-finite X or Y, or a negative or non-finite weight.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is outside (0, 1).</exception>
    public static TrendResult? Fit(IReadOnlyList<TrendPoint> points, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(points);
        SignificanceLevel.Require(alpha);
        var used = Weighted(points);
        var n = used.Count;
        if (n < MinimumPoints || used.All(p => p.X == used[0].X))
        {
            return null;
        }

        var scale = n / used.Sum(p => p.Weight);
        var w = used.Select(p => p.Weight * scale).ToArray();

        // Measured from the first point: a constant series then has deviations of exactly 0 (a flat line, not a
        // rounding-error slope), and large X or Y lose less precision to cancellation.
        var dx = used.Select(p => p.X - used[0].X).ToArray();
        var dy = used.Select(p => p.Y - used[0].Y).ToArray();
        var meanDx = Enumerable.Range(0, n).Sum(i => w[i] * dx[i]) / n;
        var meanDy = Enumerable.Range(0, n).Sum(i => w[i] * dy[i]) / n;
        var cx = dx.Select(d => d - meanDx).ToArray();
        var cy = dy.Select(d => d - meanDy).ToArray();

        var sxx = Enumerable.Range(0, n).Sum(i => w[i] * cx[i] * cx[i]);
        if (!(sxx > 0))
        {
            return null;
        }

        var sxy = Enumerable.Range(0, n).Sum(i => w[i] * cx[i] * cy[i]);
        var syy = Enumerable.Range(0, n).Sum(i => w[i] * cy[i] * cy[i]);
        var slope = sxy / sxx;
        var intercept = used[0].Y + meanDy - slope * (used[0].X + meanDx);
        var residualSquares = Enumerable.Range(0, n).Sum(i => w[i] * Math.Pow(cy[i] - slope * cx[i], 2));

        var degreesOfFreedom = n - 2;
        double standardError, pValue;
        if (residualSquares <= ExactFitTolerance * syy)
        {
            standardError = 0;
            pValue = slope == 0 ? 1 : 0;
        }
        else
        {
            standardError = Math.Sqrt(residualSquares / degreesOfFreedom / sxx);

            // The lower tail of −|t| rather than 1 − CDF(|t|): no cancellation when the p-value is tiny.
            pValue = Math.Min(1, 2 * StudentT.CDF(0, 1, degreesOfFreedom, -Math.Abs(slope / standardError)));
        }

        var quantile = StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - alpha / 2);
        return new TrendResult(
            slope,
            intercept,
            standardError,
            slope - quantile * standardError,
            slope + quantile * standardError,
            pValue,
            n,
            Significant: pValue < alpha);
    }

    private static List<TrendPoint> Weighted(IReadOnlyList<TrendPoint> points)
    {
        var used = new List<TrendPoint>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            if (p is null || !double.IsFinite(p.X) || !double.IsFinite(p.Y) || !double.IsFinite(p.Weight) || p.Weight < 0)
            {
                throw new ArgumentException(
                    $"points[{i}] needs a finite X and Y and a finite, non-negative Weight (got {p?.ToString() ?? "null"}).",
                    nameof(points));
            }

            if (p.Weight > 0)
            {
                used.Add(p);
            }
        }

        return used;
    }
}
