using MathNet.Numerics.Distributions;

namespace AiRoi.Statistics;

/// <summary>
/// Fixed-horizon two-sided Welch t-test. Valid when the result is read once, at the planned sample size;
/// use <see cref="SequentialTest"/> when the results are watched as the data arrives. A relative effect of positive
/// means may be tested on the log of the ratio (<see cref="RelativeInterval.LogRatio"/>), its interval mapped back.
/// </summary>
public static class FrequentistTest
{
    /// <summary>Estimate, standard error, 1 − α confidence interval (Student t quantiles) and two-sided p-value.</summary>
    /// <param name="effect">The effect and its variance, from <see cref="EffectMoments.Between(SampleStatistic, SampleStatistic, Difference)"/>.</param>
    /// <param name="alpha">Significance level in (0, 1); 0.05 gives a 95% interval.</param>
    /// <param name="relativeInterval">
    /// How a relative effect's interval is built; the delta method (GrowthBook's) unless asked otherwise, and always
    /// when a mean is not positive.
    /// </param>
    /// <exception cref="StatisticsInputException"><paramref name="alpha"/> is outside (0, 1).</exception>
    public static LiftEstimate Analyze(EffectMoments effect, double alpha = 0.05, RelativeInterval relativeInterval = RelativeInterval.DeltaMethod)
    {
        Require.NotNull(effect, "effect");
        Require.StrictProbability(alpha, "alpha");
        var standardError = effect.StandardError;
        var quantile = StudentTQuantile.TwoSided(effect.DegreesOfFreedom, alpha);
        if (relativeInterval == RelativeInterval.LogRatio && effect.LogRatioVariance is { } logVariance)
        {
            var logRatio = Math.Log(effect.TreatmentMean / effect.ControlMean);
            var logError = Math.Sqrt(logVariance);
            var upper = Math.Exp(logRatio + quantile * logError) - 1;

            // Two units an arm at α = 10⁻⁶ put the upper end at e^(10⁵): beyond double range, where the delta method's
            // interval (as wide, but finite) is given instead.
            if (double.IsFinite(upper))
            {
                return new LiftEstimate(
                    effect.Estimate,
                    standardError,
                    Math.Exp(logRatio - quantile * logError) - 1,
                    upper,
                    PValue: Math.Min(1, 2 * StudentT.CDF(0, 1, effect.DegreesOfFreedom, -Math.Abs(logRatio / logError))));
            }
        }
        var t = effect.Estimate / standardError;

        // The lower tail of −|t| rather than 1 − CDF(|t|): no cancellation when the p-value is tiny.
        var pValue = Math.Min(1, 2 * StudentT.CDF(0, 1, effect.DegreesOfFreedom, -Math.Abs(t)));
        return new LiftEstimate(
            effect.Estimate,
            standardError,
            effect.Estimate - quantile * standardError,
            effect.Estimate + quantile * standardError,
            PValue: pValue);
    }
}
