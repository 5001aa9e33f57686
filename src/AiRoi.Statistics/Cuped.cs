namespace AiRoi.Statistics;

/// <summary>
/// CUPED (Deng et al., 2013): subtract θ·(pre-period value) from each unit's outcome. Because assignment is
/// independent of the pre-period, the lift keeps its meaning while the variance shrinks by the share the
/// covariate explains. θ is pooled over both arms, as in GrowthBook's gbstats, so it does not depend on the
/// treatment effect of either arm alone.
/// </summary>
public static class Cuped
{
    /// <summary>θ = Cov(Y, X) / Var(X) over the units of both arms together; 0 when the covariate does not vary.</summary>
    /// <exception cref="StatisticsInputException">Either arm lacks a covariate or its sums are invalid.</exception>
    public static double PooledTheta(MeanStatistic control, MeanStatistic treatment) =>
        PooledTheta(Arm.From(control, "control"), Arm.From(treatment, "treatment"));

    internal static EffectMoments Between(
        MeanStatistic control, MeanStatistic treatment, Difference difference, string controlField, string treatmentField)
    {
        var a = Arm.From(control, controlField);
        var b = Arm.From(treatment, treatmentField);
        var theta = PooledTheta(a, b);
        var adjustedA = a.Adjusted(theta);
        var adjustedB = b.Adjusted(theta);
        var absolute = adjustedB.Mean - adjustedA.Mean;
        if (difference == Difference.Absolute)
        {
            var absoluteVariance = adjustedA.Variance / a.N + adjustedB.Variance / b.N;
            return EffectMoments.Checked(
                difference, absolute, absoluteVariance, adjustedA, adjustedB, a.Mean, b.Mean, theta, controlField, treatmentField);
        }

        // The relative effect divides by the observed control mean, so it reads like the unadjusted lift.
        var baseline = EffectMoments.RequireNonZeroBaseline(a.Mean, controlField);

        // Delta method on f = (Ȳb − θX̄b − Ȳa + θX̄a)/|Ȳa|. Treatment enters only through its adjusted mean;
        // the control enters through Ȳa (numerator and denominator) and X̄a, with gradients ∝ −(Ȳb − θ(X̄b − X̄a))/Ȳa²
        // and θ/Ȳa. Random assignment makes X̄b − X̄a zero in expectation, so, like gbstats (and as the published
        // reference case requires), the Ȳa gradient is taken as −Ȳb/Ȳa².
        var treatmentPart = adjustedB.Variance / (baseline * baseline * b.N);
        var gradientY = -b.Mean / (baseline * baseline);
        var gradientX = theta / baseline;
        var controlPart = (gradientY * gradientY * a.Variance
            + gradientX * gradientX * a.PreVariance
            + 2 * gradientY * gradientX * a.Covariance) / a.N;
        var variance = treatmentPart + Math.Max(0, controlPart);
        return EffectMoments.Checked(
            difference, absolute / Math.Abs(baseline), variance, adjustedA, adjustedB, a.Mean, b.Mean, theta, controlField, treatmentField);
    }

    private static double PooledTheta(Arm a, Arm b)
    {
        var n = a.N + b.N;
        var preSum = a.Covariate.PreSum + b.Covariate.PreSum;
        var preVariance = SufficientStatistics.Variance(
            n, preSum, a.Covariate.PreSumSquares + b.Covariate.PreSumSquares, "covariate.preSumSquares");
        if (preVariance == 0)
        {
            // A constant covariate carries no information: CUPED falls back to the plain comparison.
            return 0;
        }

        var covariance = (a.Covariate.SumProducts + b.Covariate.SumProducts - (a.Sum + b.Sum) * preSum / n) / (n - 1);
        return covariance / preVariance;
    }

    /// <summary>One arm's outcome and covariate moments, validated.</summary>
    private sealed record Arm(
        long N, double Sum, double Mean, double Variance, CupedCovariate Covariate, double PreMean, double PreVariance, double Covariance)
    {
        public static Arm From(MeanStatistic statistic, string field)
        {
            Require.NotNull(statistic, field);
            var covariate = statistic.Covariate ?? throw new StatisticsInputException(
                $"{field}.covariate",
                InputProblem.MixedInputs,
                $"{field}.covariate is missing: CUPED needs the pre-period covariate for every variant or for none.");
            var outcome = statistic.Moments(field);
            Require.Finite(covariate.PreSum, $"{field}.covariate.preSum");
            Require.NonNegative(covariate.PreSumSquares, $"{field}.covariate.preSumSquares");
            Require.Finite(covariate.SumProducts, $"{field}.covariate.sumProducts");
            var preVariance = SufficientStatistics.Variance(
                statistic.N, covariate.PreSum, covariate.PreSumSquares, $"{field}.covariate.preSumSquares");
            var covariance = SufficientStatistics.Covariance(
                statistic.N, statistic.Sum, covariate.PreSum, covariate.SumProducts, outcome.Variance, preVariance, $"{field}.covariate.sumProducts");
            return new Arm(
                statistic.N, statistic.Sum, outcome.Mean, outcome.Variance, covariate, covariate.PreSum / statistic.N, preVariance, covariance);
        }

        /// <summary>Moments of Y − θX: mean Ȳ − θX̄, variance Var(Y) + θ²Var(X) − 2θ·Cov(Y, X).</summary>
        public ArmMoments Adjusted(double theta) =>
            new(N, Mean - theta * PreMean, Math.Max(0, Variance + theta * theta * PreVariance - 2 * theta * Covariance));
    }
}
