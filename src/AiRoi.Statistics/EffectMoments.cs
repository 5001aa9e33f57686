namespace AiRoi.Statistics;

/// <summary>
/// The effect of one treatment against control and the sampling variance of that effect: what every
/// inference method (frequentist, sequential, Bayesian) starts from.
/// </summary>
/// <param name="Difference">Whether <see cref="Estimate"/> is relative or absolute.</param>
/// <param name="Estimate">Point estimate of the effect.</param>
/// <param name="Variance">Sampling variance of <see cref="Estimate"/> (delta method for relative effects).</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom.</param>
/// <param name="TotalUnits">Units in both arms; the sequential intervals grow with it.</param>
/// <param name="ControlMean">Observed control mean (before any CUPED adjustment).</param>
/// <param name="TreatmentMean">Observed treatment mean (before any CUPED adjustment).</param>
/// <param name="CupedTheta">The pooled CUPED coefficient θ, when a covariate was used.</param>
/// <param name="LogRatioVariance">
/// For a relative effect of two positive means: the sampling variance of the log of the ratio of the means, on which
/// the fixed-horizon test builds its interval by default (<see cref="RelativeInterval.LogRatio"/>). Null otherwise.
/// </param>
public sealed record EffectMoments(
    Difference Difference,
    double Estimate,
    double Variance,
    double DegreesOfFreedom,
    long TotalUnits,
    double ControlMean,
    double TreatmentMean,
    double? CupedTheta = null,
    double? LogRatioVariance = null)
{

    /// <summary>Standard error of <see cref="Estimate"/>.</summary>
    public double StandardError => Math.Sqrt(Variance);

    /// <summary>
    /// Compares <paramref name="treatment"/> with <paramref name="control"/>. Mean metrics that both carry a
    /// <see cref="CupedCovariate"/> are CUPED-adjusted with θ pooled over the two arms.
    /// </summary>
    /// <exception cref="StatisticsInputException">The sums are invalid, of different kinds, or cannot be compared.</exception>
    public static EffectMoments Between(SampleStatistic control, SampleStatistic treatment, Difference difference) =>
        Between(control, treatment, difference, "control", "treatment");

    internal static EffectMoments Between(
        SampleStatistic control, SampleStatistic treatment, Difference difference, string controlField, string treatmentField)
    {
        Require.NotNull(control, controlField);
        Require.NotNull(treatment, treatmentField);
        if (control.Kind != treatment.Kind)
        {
            throw new StatisticsInputException(
                treatmentField, InputProblem.MixedInputs, $"{treatmentField} is a {treatment.Kind} metric but control is a {control.Kind} metric.");
        }

        if (control is MeanStatistic controlMean && treatment is MeanStatistic treatmentMean
            && (controlMean.Covariate is not null || treatmentMean.Covariate is not null))
        {
            return Cuped.Between(controlMean, treatmentMean, difference, controlField, treatmentField);
        }

        var a = control.Moments(controlField);
        var b = treatment.Moments(treatmentField);
        var absolute = b.Mean - a.Mean;
        if (difference == Difference.Absolute)
        {
            return Checked(difference, absolute, a.Variance / a.N + b.Variance / b.N, a, b, a.Mean, b.Mean, null, controlField, treatmentField);
        }

        var baseline = RequireNonZeroBaseline(a.Mean, controlField);

        // Delta method for (mean_b − mean_a)/|mean_a| with independent arms: no covariance term between them.
        var variance = b.Variance / (baseline * baseline * b.N)
            + a.Variance * b.Mean * b.Mean / (Math.Pow(baseline, 4) * a.N);
        var moments = Checked(difference, absolute / Math.Abs(baseline), variance, a, b, a.Mean, b.Mean, null, controlField, treatmentField);
        return moments with { LogRatioVariance = LogRatioVarianceOf(a, b) };
    }

    /// <summary>
    /// Builds the moments only if inference on them is defined, so no method downstream can produce NaN or a
    /// zero-width interval. <paramref name="a"/> and <paramref name="b"/> are the arms the test runs on (CUPED-adjusted
    /// where applicable); the means reported are the observed ones.
    /// </summary>
    internal static EffectMoments Checked(
        Difference difference,
        double estimate,
        double variance,
        ArmMoments a,
        ArmMoments b,
        double controlMean,
        double treatmentMean,
        double? theta,
        string controlField,
        string treatmentField)
    {
        if (!double.IsFinite(estimate) || !double.IsFinite(variance))
        {
            throw new StatisticsInputException(
                treatmentField, InputProblem.NotFinite, $"The sums of {controlField} and {treatmentField} are too large to analyse in double precision.");
        }

        var degreesOfFreedom = WelchDegreesOfFreedom(a, b);

        // Zero variance happens when neither arm varies, or with a relative difference when the treatment mean and
        // variance are both zero (e.g. no conversions): the delta method then claims certainty it does not have.
        if (!(variance > 0) || !double.IsFinite(degreesOfFreedom) || !(degreesOfFreedom > 0))
        {
            throw new StatisticsInputException(
                treatmentField,
                InputProblem.ZeroVariance,
                $"The effect of {treatmentField} against {controlField} has no sampling variance (an arm with no spread), so it has no standard error and cannot be tested.");
        }

        return new EffectMoments(difference, estimate, variance, degreesOfFreedom, a.N + b.N, controlMean, treatmentMean, theta);
    }

    /// <summary>Var(ln(mean_b / mean_a)) ≈ (se_a/mean_a)² + (se_b/mean_b)² when both means are positive; null otherwise.</summary>
    private static double? LogRatioVarianceOf(ArmMoments a, ArmMoments b)
    {
        if (!(a.Mean > 0 && b.Mean > 0))
        {
            return null;
        }
        var relativeA = a.Variance / a.N / (a.Mean * a.Mean);
        var relativeB = b.Variance / b.N / (b.Mean * b.Mean);
        var variance = relativeA + relativeB;
        return variance > 0 && double.IsFinite(variance) ? variance : null;
    }

    internal static double RequireNonZeroBaseline(double controlMean, string controlField)
    {
        if (controlMean == 0)
        {
            throw new StatisticsInputException(
                controlField, InputProblem.ZeroBaseline, $"The {controlField} mean is zero, so a relative difference is undefined; use an absolute difference.");
        }

        return controlMean;
    }

    /// <summary>Welch–Satterthwaite: the t distribution's degrees of freedom when the arms' variances differ.</summary>
    internal static double WelchDegreesOfFreedom(ArmMoments a, ArmMoments b)
    {
        var shareA = a.Variance / a.N;
        var shareB = b.Variance / b.N;
        return Math.Pow(shareA + shareB, 2)
            / (shareA * shareA / (a.N - 1) + shareB * shareB / (b.N - 1));
    }
}
