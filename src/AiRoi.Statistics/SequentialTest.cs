namespace AiRoi.Statistics;

/// <summary>
/// Always-valid confidence intervals from a Gaussian mixture (Howard et al., 2021; as in GrowthBook's gbstats).
/// The coverage holds at every look, so the results may be watched continuously and the experiment stopped as
/// soon as the interval excludes zero, at the price of wider intervals than a fixed-horizon test.
/// </summary>
public static class SequentialTest
{
    /// <summary>
    /// The sample size (both arms) at which the intervals are tightest; GrowthBook's default. Intervals are valid
    /// for any value, so a planned sample size is the natural choice.
    /// </summary>
    public const double DefaultTuning = 5000;

    /// <summary>Estimate, fixed-horizon standard error, always-valid interval and the always-valid p-value.</summary>
    /// <param name="effect">The effect and its variance, from <see cref="EffectMoments.Between(SampleStatistic, SampleStatistic, Difference)"/>.</param>
    /// <param name="alpha">Significance level in (0, 1).</param>
    /// <param name="tuning">Mixture tuning N* (&gt; 0), in total units.</param>
    /// <exception cref="StatisticsInputException"><paramref name="alpha"/> or <paramref name="tuning"/> is out of range.</exception>
    public static LiftEstimate Analyze(EffectMoments effect, double alpha = 0.05, double tuning = DefaultTuning)
    {
        Require.NotNull(effect, "effect");
        var rho = Rho(alpha, tuning);
        double n = effect.TotalUnits;
        var standardError = effect.StandardError;
        var spread = n * rho * rho + 1;

        // Half-width = sqrt(n·se²)·sqrt(2(nρ² + 1)·ln(sqrt(nρ² + 1)/α)/(nρ)²): the boundary of the mixture martingale.
        var halfWidth = Math.Sqrt(n * effect.Variance)
            * Math.Sqrt(2 * spread * Math.Log(Math.Sqrt(spread) / alpha) / Math.Pow(n * rho, 2));

        // Inverting the same boundary gives the smallest α whose interval excludes zero, so p < α exactly when the
        // interval excludes zero: p = min(1, sqrt(nρ² + 1)·exp(−z²·nρ²/(2(nρ² + 1)))).
        var z = effect.Estimate / standardError;
        var exponent = -z * z * (spread - 1) / (2 * spread);
        var pValue = Math.Min(1, Math.Sqrt(spread) * Math.Exp(exponent));
        return new LiftEstimate(effect.Estimate, standardError, effect.Estimate - halfWidth, effect.Estimate + halfWidth, PValue: pValue);
    }

    /// <summary>
    /// Mixture scale ρ = sqrt((−2 ln α + ln(−2 ln α + 1)) / N*), chosen so the interval is tightest at N* units.
    /// </summary>
    public static double Rho(double alpha, double tuning)
    {
        Require.StrictProbability(alpha, "alpha");
        Require.Positive(tuning, "sequentialTuning");
        var minusTwoLogAlpha = -2 * Math.Log(alpha);
        return Math.Sqrt((minusTwoLogAlpha + Math.Log(minusTwoLogAlpha + 1)) / tuning);
    }
}
