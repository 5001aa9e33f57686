using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace AiRoi.Statistics;

/// <summary>
/// Fixed-horizon power for a two-sided comparison of one treatment with control, by the normal approximation, with
/// equal arms, each with its own variance under the planned effect (a rate's variance moves with the rate; a mean's
/// spread is taken to stay), and on the scale of the test the experiment runs: a relative effect of positive means on
/// the log of the ratio (<see cref="RelativeInterval.LogRatio"/>), another relative effect by the delta method's
/// variance of the lift, an absolute one by the difference of means. Answers the three
/// planning questions: how many units an effect needs, how small an effect a sample can detect, how many days remain.
/// </summary>
public static class PowerAnalysis
{
    /// <summary>
    /// Units needed in each arm to detect <paramref name="effect"/>: (z₁₋α/₂ + z_power)²·V/θ², with θ the effect on
    /// the tested scale and V the per-unit variance of the tested statistic: σ_c² + σ_t² for an absolute difference
    /// (θ = δ); σ_t²/μ_t² + σ_c²/μ_c² on the log scale for a relative one of positive means (θ = ln(1 + δ));
    /// σ_t²/μ_c² + σ_c²·μ_t²/μ_c⁴ by the delta method otherwise (θ = δ).
    /// </summary>
    /// <param name="plan">Baseline, variance and error rates.</param>
    /// <param name="effect">The effect to detect, on the scale of <paramref name="difference"/>; non-zero.</param>
    /// <param name="difference">Scale of <paramref name="effect"/> and of the test.</param>
    /// <exception cref="StatisticsInputException">
    /// The plan is invalid, the effect is zero or takes a rate out of (0, 1), or it is too small for any sample
    /// up to <see cref="SampleStatistic.MaxUnits"/> units an arm.
    /// </exception>
    public static double UnitsPerVariantNeeded(PowerPlan plan, double effect, Difference difference)
    {
        Require.NotNull(plan, "plan").Validate();
        Require.Finite(effect, "effect");
        if (effect == 0)
        {
            throw new StatisticsInputException("effect", InputProblem.OutOfRange, "An effect of zero cannot be detected with any sample.");
        }

        var units = UnitsFor(plan, effect, difference);
        if (!double.IsFinite(units) || units > SampleStatistic.MaxUnits)
        {
            throw new StatisticsInputException(
                "effect", InputProblem.OutOfRange, $"An effect of {effect} is too small to detect with any sample up to {SampleStatistic.MaxUnits:N0} units a variant.");
        }
        return units;
    }

    /// <summary>
    /// Smallest positive effect detectable with the plan's power at <paramref name="unitsPerVariant"/> units an arm:
    /// the effect whose <see cref="UnitsPerVariantNeeded"/> is that sample (found by bisection, since a rate's
    /// variance moves with the effect).
    /// </summary>
    /// <param name="plan">Baseline, variance and error rates.</param>
    /// <param name="unitsPerVariant">Planned units in each arm (≥ 2).</param>
    /// <param name="difference">Whether to express the effect relative to the baseline or in the metric's unit.</param>
    /// <exception cref="StatisticsInputException">The plan or the sample is invalid, a relative effect has a zero baseline, or no effect a rate allows is detectable.</exception>
    public static double MinimumDetectableEffect(PowerPlan plan, double unitsPerVariant, Difference difference)
    {
        Require.NotNull(plan, "plan").Validate();
        Require.Finite(unitsPerVariant, "unitsPerVariant");
        if (unitsPerVariant < 2 || unitsPerVariant > SampleStatistic.MaxUnits)
        {
            throw new StatisticsInputException(
                "unitsPerVariant", InputProblem.TooFewUnits, $"unitsPerVariant must lie between 2 and {SampleStatistic.MaxUnits:N0}, got {unitsPerVariant}.");
        }
        var scale = difference == Difference.Absolute ? 1 : Math.Abs(Baseline(plan));

        // The largest effect a rate allows keeps the treatment's rate below 1; a mean's effect has no such bound.
        var largest = plan.IsRate ? (1 - plan.BaselineMean) / scale * (1 - 1e-9) : double.MaxValue;
        double Excess(double effect) => UnitsFor(plan, effect, difference) - unitsPerVariant;
        var upper = Math.Min(1, largest);
        while (Excess(upper) > 0 && upper < largest)
        {
            upper = Math.Min(upper * 2, largest);
        }
        if (Excess(upper) > 0)
        {
            throw new StatisticsInputException(
                "unitsPerVariant", InputProblem.TooFewUnits, $"{unitsPerVariant} units a variant cannot detect any effect the rate allows.");
        }
        var lower = upper;
        while (Excess(lower) <= 0)
        {
            lower /= 2;
        }
        return Bisection.FindRoot(Excess, lower, upper, upper * 1e-12, 10_000);
    }

    /// <summary>Days until every arm reaches the units needed for <paramref name="effect"/> at the current daily traffic; 0 when already there.</summary>
    /// <param name="plan">Baseline, variance and error rates.</param>
    /// <param name="effect">The effect to detect, on the scale of <paramref name="difference"/>.</param>
    /// <param name="difference">Scale of <paramref name="effect"/>.</param>
    /// <param name="variantCount">Variants sharing the traffic, control included (≥ 2).</param>
    /// <param name="unitsSoFar">Units already in the experiment, all variants together.</param>
    /// <param name="dailyUnits">Units entering the experiment per day, all variants together (&gt; 0).</param>
    public static double DaysLeft(
        PowerPlan plan, double effect, Difference difference, int variantCount, long unitsSoFar, double dailyUnits)
    {
        if (variantCount < 2)
        {
            throw new StatisticsInputException("variantCount", InputProblem.TooFewVariants, $"variantCount must be at least 2, got {variantCount}.");
        }

        if (unitsSoFar < 0)
        {
            throw new StatisticsInputException("unitsSoFar", InputProblem.OutOfRange, $"unitsSoFar must not be negative, got {unitsSoFar}.");
        }

        Require.Positive(dailyUnits, "dailyUnits");
        var totalNeeded = UnitsPerVariantNeeded(plan, effect, difference) * variantCount;
        return Math.Max(0, (totalNeeded - unitsSoFar) / dailyUnits);
    }

    /// <summary>(z₁₋α/₂ + z_power)²·V/θ²: the units an arm needs, unchecked.</summary>
    private static double UnitsFor(PowerPlan plan, double effect, Difference difference)
    {
        var (variance, tested) = Tested(plan, effect, difference);
        var z = ZSum(plan);
        return z * z * variance / (tested * tested);
    }

    /// <summary>Per-unit variance of the statistic the test runs on under the planned effect, and the effect on that scale.</summary>
    private static (double Variance, double Effect) Tested(PowerPlan plan, double effect, Difference difference)
    {
        var control = plan.BaselineMean;
        var scale = difference == Difference.Absolute ? 1 : Math.Abs(Baseline(plan));
        var treatment = control + effect * scale;
        var treatmentVariance = plan.VarianceAt(treatment, "effect");
        if (difference == Difference.Absolute)
        {
            return (plan.UnitVariance + treatmentVariance, effect);
        }
        return control > 0 && treatment > 0
            ? (treatmentVariance / (treatment * treatment) + plan.UnitVariance / (control * control), Math.Log(treatment / control))
            : (treatmentVariance / (control * control) + plan.UnitVariance * treatment * treatment / Math.Pow(control, 4), effect);
    }

    private static double ZSum(PowerPlan plan) =>
        Normal.InvCDF(0, 1, 1 - plan.Alpha / 2) + Normal.InvCDF(0, 1, plan.Power);

    private static double Baseline(PowerPlan plan) =>
        EffectMoments.RequireNonZeroBaseline(plan.BaselineMean, "baselineMean");
}
