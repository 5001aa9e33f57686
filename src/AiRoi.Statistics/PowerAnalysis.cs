using MathNet.Numerics.Distributions;

namespace AiRoi.Statistics;

/// <summary>
/// Fixed-horizon power for a two-sided comparison of one treatment with control, by the normal approximation
/// with equal arms that share the control's unit variance. Answers the three planning questions: how small an
/// effect the planned sample can detect, how many units an effect needs, and how many days remain.
/// </summary>
public static class PowerAnalysis
{
    /// <summary>Smallest effect detectable with the plan's power: (z₁₋α/₂ + z_power)·sqrt(2σ²/n).</summary>
    /// <param name="plan">Baseline, variance and error rates.</param>
    /// <param name="unitsPerVariant">Planned units in each arm (≥ 2).</param>
    /// <param name="difference">Whether to express the effect relative to the baseline or in the metric's unit.</param>
    /// <exception cref="StatisticsInputException">The plan or the sample is invalid, or a relative effect has a zero baseline.</exception>
    public static double MinimumDetectableEffect(PowerPlan plan, double unitsPerVariant, Difference difference)
    {
        Require.NotNull(plan, "plan").Validate();
        Require.Finite(unitsPerVariant, "unitsPerVariant");
        if (unitsPerVariant < 2)
        {
            throw new StatisticsInputException("unitsPerVariant", InputProblem.TooFewUnits, $"unitsPerVariant must be at least 2, got {unitsPerVariant}.");
        }

        var absolute = ZSum(plan) * Math.Sqrt(2 * plan.UnitVariance / unitsPerVariant);
        return difference == Difference.Absolute ? absolute : absolute / Math.Abs(Baseline(plan));
    }

    /// <summary>Units needed in each arm to detect <paramref name="effect"/>: 2σ²(z₁₋α/₂ + z_power)²/δ².</summary>
    /// <param name="plan">Baseline, variance and error rates.</param>
    /// <param name="effect">The effect to detect, on the scale of <paramref name="difference"/>; non-zero.</param>
    /// <param name="difference">Scale of <paramref name="effect"/>.</param>
    /// <exception cref="StatisticsInputException">The plan is invalid or the effect is zero.</exception>
    public static double UnitsPerVariantNeeded(PowerPlan plan, double effect, Difference difference)
    {
        Require.NotNull(plan, "plan").Validate();
        Require.Finite(effect, "effect");
        if (effect == 0)
        {
            throw new StatisticsInputException("effect", InputProblem.OutOfRange, "An effect of zero cannot be detected with any sample.");
        }

        var absolute = difference == Difference.Absolute ? effect : effect * Math.Abs(Baseline(plan));
        return 2 * plan.UnitVariance * Math.Pow(ZSum(plan), 2) / (absolute * absolute);
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

    private static double ZSum(PowerPlan plan) =>
        Normal.InvCDF(0, 1, 1 - plan.Alpha / 2) + Normal.InvCDF(0, 1, plan.Power);

    private static double Baseline(PowerPlan plan) =>
        EffectMoments.RequireNonZeroBaseline(plan.BaselineMean, "baselineMean");
}
