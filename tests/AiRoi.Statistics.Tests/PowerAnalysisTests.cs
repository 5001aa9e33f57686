namespace AiRoi.Statistics.Tests;

public class PowerAnalysisTests
{
    // 10 % conversion, detect a 10 % relative lift (10 % → 11 %) at α = 0.05 and 80 % power, z = 1.959964 + 0.841621.
    // Each arm keeps its own variance under the effect: control 0.1·0.9 = 0.09, treatment 0.11·0.89 = 0.0979.
    private static readonly PowerPlan TenPercentConversion = PowerPlan.ForConversionRate(0.10);

    [Fact]
    public void Units_needed_use_both_arms_variances_on_the_scale_of_the_test()
    {
        // Absolute: the two-proportion formula, 7.848880·(0.09 + 0.0979)/0.01² = 14,748.0 per arm.
        Assert.Equal(14748.0, PowerAnalysis.UnitsPerVariantNeeded(TenPercentConversion, 0.01, Difference.Absolute), 1);
        // Relative (the default test, on the log of the ratio): 0.0979/0.11² + 0.09/0.1² = 17.0909, effect ln 1.1,
        // so 7.848880·17.0909/ln(1.1)² = 14,767.1 per arm.
        Assert.Equal(14767.1, PowerAnalysis.UnitsPerVariantNeeded(TenPercentConversion, 0.10, Difference.Relative), 1);
    }

    [Fact]
    public void Minimum_detectable_effect_inverts_the_units_needed()
    {
        var relative = PowerAnalysis.UnitsPerVariantNeeded(TenPercentConversion, 0.10, Difference.Relative);
        var absolute = PowerAnalysis.UnitsPerVariantNeeded(TenPercentConversion, 0.01, Difference.Absolute);

        Assert.Equal(0.10, PowerAnalysis.MinimumDetectableEffect(TenPercentConversion, relative, Difference.Relative), 8);
        Assert.Equal(0.01, PowerAnalysis.MinimumDetectableEffect(TenPercentConversion, absolute, Difference.Absolute), 8);
    }

    [Fact]
    public void For_a_mean_four_times_the_sample_halves_the_detectable_difference()
    {
        var plan = new PowerPlan(50, 400);
        var small = PowerAnalysis.MinimumDetectableEffect(plan, 1000, Difference.Absolute);
        var large = PowerAnalysis.MinimumDetectableEffect(plan, 4000, Difference.Absolute);

        Assert.Equal(small / 2, large, 8);
    }

    [Fact]
    public void Days_left_divide_the_missing_units_by_daily_traffic()
    {
        // Two arms need 2 × 14,767.1 = 29,534.1 units; 10,000 are in, 1,000 arrive per day.
        var days = PowerAnalysis.DaysLeft(TenPercentConversion, 0.10, Difference.Relative, 2, 10_000, 1_000);

        Assert.Equal(19.534, days, 2);
    }

    [Fact]
    public void Days_left_are_zero_once_the_sample_is_reached()
    {
        Assert.Equal(0, PowerAnalysis.DaysLeft(TenPercentConversion, 0.10, Difference.Relative, 2, 50_000, 1_000));
    }

    [Fact]
    public void Plan_from_control_uses_its_observed_mean_and_variance()
    {
        var plan = PowerPlan.FromControl(Samples.FixedControl);

        Assert.Equal(0.41, plan.BaselineMean, 10);
        Assert.Equal(3.9 * 3.9, plan.UnitVariance, 2);
    }

    [Theory]
    [InlineData(0.0, "effect")]
    [InlineData(double.NaN, "effect")]
    public void Zero_or_undefined_effect_is_refused(double effect, string field)
    {
        Assert.Equal(field, Assert.Throws<StatisticsInputException>(
            () => PowerAnalysis.UnitsPerVariantNeeded(TenPercentConversion, effect, Difference.Relative)).Field);
    }

    [Fact]
    public void Planning_inputs_are_validated()
    {
        Assert.Equal("dailyUnits", Assert.Throws<StatisticsInputException>(
            () => PowerAnalysis.DaysLeft(TenPercentConversion, 0.1, Difference.Relative, 2, 0, 0)).Field);
        Assert.Equal("variantCount", Assert.Throws<StatisticsInputException>(
            () => PowerAnalysis.DaysLeft(TenPercentConversion, 0.1, Difference.Relative, 1, 0, 10)).Field);
        Assert.Equal("unitsPerVariant", Assert.Throws<StatisticsInputException>(
            () => PowerAnalysis.MinimumDetectableEffect(TenPercentConversion, 1, Difference.Relative)).Field);
        Assert.Equal("power", Assert.Throws<StatisticsInputException>(
            () => PowerAnalysis.MinimumDetectableEffect(TenPercentConversion with { Power = 1 }, 100, Difference.Relative)).Field);
        Assert.Equal("baselineMean", Assert.Throws<StatisticsInputException>(
            () => PowerAnalysis.MinimumDetectableEffect(new PowerPlan(0, 1), 100, Difference.Relative)).Field);
        Assert.Equal("baselineRate", Assert.Throws<StatisticsInputException>(() => PowerPlan.ForConversionRate(1.2)).Field);
    }
}
