namespace AiRoi.Statistics.Tests;

public class PowerAnalysisTests
{
    // Textbook case: 10% conversion, detect a 10% relative lift (10% → 11%) at α = 0.05 and 80% power with equal
    // arms sharing the control variance: n = 2·0.09·(1.959964 + 0.841621)²/0.01² ≈ 14,127.98 per arm.
    private static readonly PowerPlan TenPercentConversion = PowerPlan.ForConversionRate(0.10);

    [Fact]
    public void Units_needed_match_the_textbook_formula()
    {
        Assert.Equal(14127.98, PowerAnalysis.UnitsPerVariantNeeded(TenPercentConversion, 0.10, Difference.Relative), 1);
        Assert.Equal(14127.98, PowerAnalysis.UnitsPerVariantNeeded(TenPercentConversion, 0.01, Difference.Absolute), 1);
    }

    [Fact]
    public void Minimum_detectable_effect_inverts_the_units_needed()
    {
        var units = PowerAnalysis.UnitsPerVariantNeeded(TenPercentConversion, 0.10, Difference.Relative);

        Assert.Equal(0.10, PowerAnalysis.MinimumDetectableEffect(TenPercentConversion, units, Difference.Relative), 10);
        Assert.Equal(0.01, PowerAnalysis.MinimumDetectableEffect(TenPercentConversion, units, Difference.Absolute), 10);
    }

    [Fact]
    public void Four_times_the_sample_halves_the_detectable_effect()
    {
        var small = PowerAnalysis.MinimumDetectableEffect(TenPercentConversion, 1000, Difference.Relative);
        var large = PowerAnalysis.MinimumDetectableEffect(TenPercentConversion, 4000, Difference.Relative);

        Assert.Equal(small / 2, large, 12);
    }

    [Fact]
    public void Days_left_divide_the_missing_units_by_daily_traffic()
    {
        // Two arms need 2 × 14,127.98 = 28,255.97 units; 10,000 are in, 1,000 arrive per day.
        var days = PowerAnalysis.DaysLeft(TenPercentConversion, 0.10, Difference.Relative, 2, 10_000, 1_000);

        Assert.Equal(18.25597, days, 3);
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
