using MathNet.Numerics.Distributions;

namespace AiRoi.Statistics;

/// <summary>
/// Bayesian comparison in the manner of GrowthBook's gbstats: a normal approximation to the likelihood of the
/// effect, combined with a flat prior (default) or a normal <see cref="EffectPrior"/>. Reports the chance that the
/// treatment beats control and the expected loss (risk) of choosing each arm.
/// </summary>
public static class BayesianTest
{
    /// <summary>Posterior mean and standard deviation, 1 − α credible interval, chance to win, and both risks.</summary>
    /// <param name="effect">The effect and its variance, from <see cref="EffectMoments.Between(SampleStatistic, SampleStatistic, Difference)"/>.</param>
    /// <param name="alpha">1 − credible level, in (0, 1).</param>
    /// <param name="prior">Optional informative prior on the relative lift; <c>null</c> for a flat prior.</param>
    /// <param name="direction">Which direction of the metric is good; the chance to win and the risks follow it.</param>
    /// <exception cref="StatisticsInputException">Alpha or the prior is invalid, or a prior cannot be rescaled.</exception>
    public static LiftEstimate Analyze(
        EffectMoments effect, double alpha = 0.05, EffectPrior? prior = null, MetricDirection direction = MetricDirection.HigherIsBetter)
    {
        Require.NotNull(effect, "effect");
        Require.StrictProbability(alpha, "alpha");
        var (mean, sd) = Posterior(effect, prior);

        var z = Normal.InvCDF(0, 1, 1 - alpha / 2);
        var gain = ExpectedPositivePart(mean, sd);
        var loss = ExpectedPositivePart(-mean, sd);
        var higherIsBetter = direction == MetricDirection.HigherIsBetter;
        var chanceUp = Normal.CDF(0, 1, mean / sd);
        return new LiftEstimate(
            mean,
            sd,
            mean - z * sd,
            mean + z * sd,
            ChanceToWin: higherIsBetter ? chanceUp : 1 - chanceUp,
            RiskControl: higherIsBetter ? gain : loss,
            RiskTreatment: higherIsBetter ? loss : gain);
    }

    private static (double Mean, double StandardDeviation) Posterior(EffectMoments effect, EffectPrior? prior)
    {
        if (prior is null)
        {
            return (effect.Estimate, effect.StandardError);
        }

        prior.Validate();
        var (priorMean, priorVariance) = (prior.Mean, prior.Variance);
        if (effect.Difference == Difference.Absolute)
        {
            var baseline = effect.ControlMean;
            if (baseline == 0)
            {
                throw new StatisticsInputException(
                    "prior", InputProblem.ZeroBaseline, "The control mean is zero, so a prior on the relative lift cannot be rescaled to an absolute difference.");
            }

            priorMean *= Math.Abs(baseline);
            priorVariance *= baseline * baseline;
        }

        // Conjugate normal update: precisions add, the mean is the precision-weighted average.
        var precision = 1 / effect.Variance + 1 / priorVariance;
        var mean = (effect.Estimate / effect.Variance + priorMean / priorVariance) / precision;
        var sd = Math.Sqrt(1 / precision);
        if (!double.IsFinite(mean) || !(sd > 0) || !double.IsFinite(sd))
        {
            // A control mean far from 1 can still carry a valid prior out of double range when rescaled.
            throw new StatisticsInputException("prior", InputProblem.NotFinite, "The prior, rescaled to the metric's unit, is too extreme to combine with the data in double precision.");
        }
        return (mean, sd);
    }

    /// <summary>E[max(0, X)] for X ~ N(μ, σ²) = μΦ(μ/σ) + σφ(μ/σ).</summary>
    /// <remarks>
    /// Non-negative by definition; far in the tail (μ/σ below about −37) both terms are subnormal doubles and their
    /// sum can round to a tiny negative number, so it is clamped at zero.
    /// </remarks>
    private static double ExpectedPositivePart(double mu, double sigma) =>
        Math.Max(0, mu * Normal.CDF(0, 1, mu / sigma) + sigma * Normal.PDF(0, 1, mu / sigma));
}
