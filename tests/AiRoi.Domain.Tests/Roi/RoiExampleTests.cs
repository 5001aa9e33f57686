using AiRoi.Domain.Baselines;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Roi;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.Tests.Trends;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests.Roi;

/// <summary>
/// The ROI examples of docs/metrics.md, section "ROI", number for number. Each expected figure is the hand
/// computation the document shows; when one changes, the other must change with it.
/// </summary>
public class RoiExampleTests
{
    private const double Z = EventLog.Z;

    /// <summary>The support chatbot of examples 1 and 2: €20,000 fixed a month, €120,000 to build.</summary>
    public static readonly UnitEconomics SupportChatbot =
        new(48m, 200m, [new FixedCost("LLM platform licence", 4_000m), new FixedCost("Prompt engineering team", 16_000m)])
        {
            ImplementationCost = 120_000m,
        };

    /// <summary>The SDR e-mail writer of example 3: the same fixed costs and implementation cost.</summary>
    public static readonly UnitEconomics SdrEmailWriter =
        new(60m, 200m, [new FixedCost("LLM platform licence", 5_000m), new FixedCost("Sales-ops team", 15_000m)])
        {
            ImplementationCost = 120_000m,
        };

    public static BaselineVersion Baseline(string metricKey, int version, BaselineMethod method, double value, double? standardError) =>
        new(metricKey, version, method, value, "ana.lopez@example.com", new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero))
        {
            StandardError = standardError,
        };

    /// <summary>Example 1's inputs: April 2026, 10,000 tasks, three baselines.</summary>
    public static RoiInputs Example1Inputs() =>
        new(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1), Tasks: 10_000,
            // Cost per task: mean 15,000 / 10,000 = 1.50, variance (182,484 − 15,000²/10,000) / 9,999 = 16.
            Cost: new Moments(10_000, 15_000, 182_484),
            // Resolution time: mean 300 s, variance (1,366,513,344 − 3,000,000²/10,000) / 9,999 = 216².
            ResolutionSeconds: new Moments(10_000, 3_000_000, 1_366_513_344),
            // 1,150 of 10,000 tasks converted.
            Conversions: new Moments(10_000, 1_150, 1_150),
            SupportChatbot)
        {
            CostBaseline = Baseline(MetricKeys.CostPerTask, 1, BaselineMethod.BeforeGoLive, 4.50, 0.03),
            ResolutionTimeBaseline = Baseline(MetricKeys.ResolutionTimeMean, 1, BaselineMethod.BeforeGoLive, 1_200, 2.88),
            ConversionRateBaseline = Baseline(MetricKeys.ConversionRate, 2, BaselineMethod.BeforeGoLive, 0.10, 0.003),
        };

    /// <summary>Example 3's inputs: April 2026, 10,000 leads, a concluded experiment and a before/after baseline.</summary>
    public static RoiInputs Example3Inputs() =>
        new(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1), Tasks: 10_000,
            Cost: default,
            ResolutionSeconds: new Moments(10_000, 6_000_000, 4_000_000_000),
            Conversions: new Moments(10_000, 1_150, 1_150),
            SdrEmailWriter)
        {
            ConversionRateBaseline = Baseline(MetricKeys.ConversionRate, 1, BaselineMethod.BeforeGoLive, 0.10, 0.003),
            ExperimentLift = new ConversionLiftEvidence("prompt-v4", 0.012, 0.004, 0.020),
        };

    /// <summary>docs/metrics.md, "ROI" → "Example 1: a month against three baselines".</summary>
    [Fact]
    public void Example_1_a_month_against_cost_resolution_time_and_before_after_conversion_baselines()
    {
        var roi = RoiCalculator.Compute(Example1Inputs());

        // Savings: (4.50 − 1.50) × 10,000 = 30,000; SE √(0.04² + 0.03²) × 10,000 = 500.
        Expect(roi.Savings, 30_000, 500, "savings");
        Approx.Equal(30_000 - Z * 500, roi.Savings!.Low, "savings low");
        Approx.Equal(30_000 + Z * 500, roi.Savings.High, "savings high");

        // Time saved: (1,200 − 300) s × 10,000 / 3,600 = 2,500 h; SE √(2.16² + 2.88²) = 3.6 s × 10,000 / 3,600 = 10 h.
        Expect(roi.TimeSavedHours, 2_500, 10, "time saved");
        Approx.Equal(2_500 - Z * 10, roi.TimeSavedHours!.Low, "time saved low");

        // Revenue lift: (0.115 − 0.100) × 10,000 × 200 = 30,000; the current rate's SE² is
        // (1,150 − 1,150²/10,000) / 9,999 / 10,000 = 1,017.75 / 99,990,000, the baseline's 0.003².
        var revenueError = Math.Sqrt(1_017.75 / 99_990_000 + 0.003 * 0.003) * 10_000 * 200;
        Approx.Equal(8_758.656940829498, revenueError, "revenue SE as the document rounds it");
        Expect(roi.RevenueLift, 30_000, revenueError, "revenue lift");
        Assert.Equal("before-after", roi.RevenueLiftSource);

        // Net benefit: 30,000 + 30,000 − 20,000 = 40,000; SE √(500² + revenueError²).
        var netError = Math.Sqrt(500 * 500 + revenueError * revenueError);
        Assert.Equal(20_000, roi.FixedCosts);
        Expect(roi.NetBenefit, 40_000, netError, "net benefit");
        Approx.Equal(22_805.398783818997, roi.NetBenefit!.Low, "net low");
        Approx.Equal(57_194.60121618101, roi.NetBenefit.High, "net high");

        // ROI: 40,000 / 20,000 = 2.0 (200 %), interval [1.14, 2.86].
        Expect(roi.Roi, 2.0, netError / 20_000, "ROI");
        Approx.Equal((40_000 - Z * netError) / 20_000, roi.Roi!.Low, "ROI low");
        Approx.Equal((40_000 + Z * netError) / 20_000, roi.Roi.High, "ROI high");

        // Payback: 120,000 / (40,000 per 1 month) = 3 months.
        Approx.Equal(3, roi.PaybackMonths!.Value, "payback months");

        Assert.Equal(
            new Dictionary<string, int> { [MetricKeys.CostPerTask] = 1, [MetricKeys.ResolutionTimeMean] = 1, [MetricKeys.ConversionRate] = 2 },
            roi.BaselineVersions);
        Assert.Equal(10_000, roi.Tasks);
    }

    /// <summary>docs/metrics.md, "ROI" → "Example 2: a week in a 30-day month".</summary>
    [Fact]
    public void Example_2_a_week_in_a_30_day_month_carries_seven_thirtieths_of_the_fixed_costs()
    {
        var inputs = new RoiInputs(new DateOnly(2026, 6, 8), new DateOnly(2026, 6, 15), Tasks: 2_500,
            // Mean 4,500 / 2,500 = 1.80, variance (48,084 − 4,500²/2,500) / 2,499 = 16, so SE 4 / 50 = 0.08.
            Cost: new Moments(2_500, 4_500, 48_084),
            ResolutionSeconds: new Moments(2_500, 750_000, 300_000_000),
            Conversions: default,
            SupportChatbot)
        {
            CostBaseline = Baseline(MetricKeys.CostPerTask, 3, BaselineMethod.ConcurrentHuman, 4.50, 0.06),
        };

        var roi = RoiCalculator.Compute(inputs);

        // Fixed costs: 20,000 × 7/30 = 4,666.67.
        Approx.Equal(20_000.0 * 7 / 30, roi.FixedCosts, "fixed costs");
        Approx.Equal(7.0 / 30, FixedCosts.Months(inputs.PeriodStart, inputs.PeriodEnd), "months");

        // Savings: (4.50 − 1.80) × 2,500 = 6,750; SE √(0.08² + 0.06²) × 2,500 = 250.
        Expect(roi.Savings, 6_750, 250, "savings");
        Assert.Null(roi.RevenueLift);
        Assert.Null(roi.RevenueLiftSource);
        Assert.Null(roi.TimeSavedHours);
        Assert.Contains("Revenue lift: conversionRate has no baseline.", roi.Notes);
        Assert.Contains("Time saved: resolutionTimeMean has no baseline.", roi.Notes);

        // Net: 6,750 − 4,666.67 = 2,083.33 ± 1.96 × 250; ROI 2,083.33 / 4,666.67 = 0.4464.
        var net = 6_750 - 20_000.0 * 7 / 30;
        Expect(roi.NetBenefit, net, 250, "net benefit");
        Approx.Equal(2_083.333333333333, net, "net as the document rounds it");
        Expect(roi.Roi, net / (20_000.0 * 7 / 30), 250 / (20_000.0 * 7 / 30), "ROI");
        Approx.Equal(0.44642857142857134, roi.Roi!.Value, "ROI as the document rounds it");

        // Payback: 120,000 / (2,083.33 / (7/30) = 8,928.57 a month) = 13.44 months.
        Approx.Equal(13.44, roi.PaybackMonths!.Value, "payback months");
        Assert.Equal(new Dictionary<string, int> { [MetricKeys.CostPerTask] = 3 }, roi.BaselineVersions);
    }

    /// <summary>docs/metrics.md, "ROI" → "Example 2", the same week in a 31-day month and a week across two months.</summary>
    [Fact]
    public void Example_2_weeks_in_a_31_day_month_and_across_a_month_end_are_prorated_by_their_own_months()
    {
        // 5–12 October 2026: 7/31 of a month.
        Approx.Equal(20_000.0 * 7 / 31, (double)FixedCosts.For(20_000m, new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 12)), "October week");
        // Monday 29 June – Sunday 5 July 2026: 2 days of June (2/30) and 5 of July (5/31).
        Approx.Equal(2.0 / 30 + 5.0 / 31, FixedCosts.Months(new DateOnly(2026, 6, 29), new DateOnly(2026, 7, 6)), "straddling week");
        Approx.Equal(4_559.139784946236, (double)FixedCosts.For(20_000m, new DateOnly(2026, 6, 29), new DateOnly(2026, 7, 6)), "straddling week cost");
        // A calendar quarter is exactly three months, whatever its days.
        Assert.Equal(3.0, FixedCosts.Months(new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1)));
    }

    /// <summary>docs/metrics.md, "ROI" → "Example 3: an experiment's lift wins over before/after".</summary>
    [Fact]
    public void Example_3_an_experiments_lift_is_used_instead_of_the_before_after_comparison()
    {
        var roi = RoiCalculator.Compute(Example3Inputs());

        // Revenue lift: 0.012 × 10,000 × 200 = 24,000, interval [0.004, 0.020] × 2,000,000 = [8,000, 40,000],
        // SE (0.020 − 0.004) / (2 × 1.96) × 2,000,000 = 8,163.42. Before/after would have said 30,000.
        var revenueError = 0.016 / (2 * Z) * 2_000_000;
        Approx.Equal(8_163.415310794465, revenueError, "revenue SE as the document rounds it");
        Approx.Equal(24_000, roi.RevenueLift!.Value, "revenue lift");
        Approx.Equal(8_000, roi.RevenueLift.Low, "revenue low");
        Approx.Equal(40_000, roi.RevenueLift.High, "revenue high");
        Approx.Equal(revenueError, roi.RevenueLift.StandardError, "revenue SE");
        Assert.Equal("experiment:prompt-v4", roi.RevenueLiftSource);

        // No cost baseline, so no savings; the conversion baseline was not used, so it is not named.
        Assert.Null(roi.Savings);
        Assert.Contains("Savings: costPerTask has no baseline.", roi.Notes);
        Assert.Empty(roi.BaselineVersions);

        // Net 24,000 − 20,000 = 4,000 ± 1.96 × 8,163.42 = [−12,000, 20,000]; ROI 0.2 in [−0.6, 1.0]; payback 30 months.
        Expect(roi.NetBenefit, 4_000, revenueError, "net benefit");
        Approx.Equal(-12_000, roi.NetBenefit!.Low, "net low");
        Approx.Equal(20_000, roi.NetBenefit.High, "net high");
        Approx.Equal(0.2, roi.Roi!.Value, "ROI");
        Approx.Equal(-0.6, roi.Roi.Low, "ROI low");
        Approx.Equal(1.0, roi.Roi.High, "ROI high");
        Approx.Equal(30, roi.PaybackMonths!.Value, "payback months");
    }

    private static void Expect(Estimate? estimate, double value, double standardError, string what)
    {
        Assert.NotNull(estimate);
        Approx.Equal(value, estimate.Value, what);
        Approx.Equal(standardError, estimate.StandardError, what + " SE");
        Approx.Equal(value - Z * standardError, estimate.Low, what + " low");
        Approx.Equal(value + Z * standardError, estimate.High, what + " high");
    }
}
