using AiRoi.Domain.Experiments;
using AiRoi.Domain.Rollups;
using AiRoi.Experiments.Results;

namespace AiRoi.Experiments.Tests.Results;

public sealed class ResultsCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static Experiment Running(ExperimentDefinition definition) =>
        new("exp-test", definition, ExperimentStatus.Running) { StartedAt = Now.AddDays(-10) };

    private static ExperimentDefinition Definition(string primary = "conversionRate") => new()
    {
        UseCaseId = "support-bot",
        Name = "Prompt v4",
        Variants = [new ExperimentVariant("control", 0.5), new ExperimentVariant("prompt-v4", 0.5)],
        PrimaryMetric = primary,
        SecondaryMetrics = [],
        GuardrailMetrics = [],
        Method = ExperimentMethod.Frequentist,
    };

    /// <summary>Moments of <paramref name="n"/> values with this mean and sample standard deviation.</summary>
    private static Moments Normal(long n, double mean, double sd) => new(n, n * mean, (n - 1) * sd * sd + n * mean * mean);

    private static Moments Yes(long n, long yes) => new(n, yes, yes);

    private static VariantData Data(params ((string Variant, string Metric) Key, Moments Moments)[] statistics) =>
        new(new Dictionary<string, long> { ["control"] = 5000, ["prompt-v4"] = 5000 }, statistics.ToDictionary(s => s.Key, s => s.Moments));

    [Fact]
    public void A_proportion_lift_is_tested_on_the_log_of_the_ratio()
    {
        // The reference proportion case, 14 of 28 against 16 of 30: the lift as published (0.06667), its interval and
        // p-value on the log of the ratio (the delta method's would be −0.47767 to 0.61101, p 0.80707).
        var results = ResultsCalculator.Compute(Running(Definition()), Data(
            (("control", "conversionRate"), Yes(28, 14)), (("prompt-v4", "conversionRate"), Yes(30, 16))), Now);

        var lift = Assert.Single(results.Metrics[0].Treatments).Lift;
        var logRatio = Math.Log(16.0 / 30 / 0.5);
        var logError = Math.Sqrt(0.25 / (28 * 0.25) + 16.0 / 30 * 14 / 30 / (30 * Math.Pow(16.0 / 30, 2)));
        var quantile = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 55.70745, 0.975);
        Assert.Equal(0.06667, lift.Estimate, 5);
        Assert.Equal(Math.Exp(logRatio - quantile * logError) - 1, lift.CiLower, 5);
        Assert.Equal(Math.Exp(logRatio + quantile * logError) - 1, lift.CiUpper, 5);
        Assert.Equal(2 * MathNet.Numerics.Distributions.StudentT.CDF(0, 1, 55.70745, -logRatio / logError), lift.PValue!.Value, 5);
        Assert.Equal("holm", results.MultipleTesting);
    }

    [Fact]
    public void Holm_and_Benjamini_Hochberg_adjust_the_primary_and_secondary_p_values_as_each_defines()
    {
        var definition = Definition() with { SecondaryMetrics = ["csatMean"] };
        // Conversion differs clearly, satisfaction a little: two different raw p-values.
        var data = Data(
            (("control", "conversionRate"), Yes(4000, 400)), (("prompt-v4", "conversionRate"), Yes(4000, 470)),
            (("control", "csatMean"), Normal(4000, 4.00, 1.0)), (("prompt-v4", "csatMean"), Normal(4000, 4.04, 1.0)));

        var holm = ResultsCalculator.Compute(Running(definition), data, Now);
        var bh = ResultsCalculator.Compute(Running(definition with { MultipleTesting = MultipleTestingCorrection.BenjaminiHochberg }), data, Now);

        var p1 = holm.Metrics[0].Treatments[0].Lift.PValue!.Value;
        var p2 = holm.Metrics[1].Treatments[0].Lift.PValue!.Value;
        Assert.True(p1 < p2, $"the fixture wants p1 < p2, got {p1} and {p2}");
        Assert.Equal(Math.Min(1, 2 * p1), holm.Metrics[0].Treatments[0].AdjustedPValue!.Value, 12);
        Assert.Equal(Math.Max(Math.Min(1, 2 * p1), p2), holm.Metrics[1].Treatments[0].AdjustedPValue!.Value, 12);
        Assert.Equal(Math.Min(2 * p1, p2), bh.Metrics[0].Treatments[0].AdjustedPValue!.Value, 12);
        Assert.Equal(p2, bh.Metrics[1].Treatments[0].AdjustedPValue!.Value, 12);
        Assert.Equal("benjamini-hochberg", bh.MultipleTesting);
    }

    [Fact]
    public void A_guardrail_is_judged_against_the_experiments_own_tolerance()
    {
        // Satisfaction 1.5 % lower with a tight interval, about (-1.85 %, -1.15 %).
        var definition = Definition() with { GuardrailMetrics = ["csatMean"] };
        var data = Data(
            (("control", "conversionRate"), Yes(10000, 1000)), (("prompt-v4", "conversionRate"), Yes(10000, 1000)),
            (("control", "csatMean"), Normal(10000, 4.00, 0.5)), (("prompt-v4", "csatMean"), Normal(10000, 3.94, 0.5)));

        var lenient = ResultsCalculator.Compute(Running(definition), data, Now);
        var strict = ResultsCalculator.Compute(Running(definition with { GuardrailTolerance = 0.01 }), data, Now);

        Assert.Equal(ExperimentRules.DefaultGuardrailTolerance, lenient.GuardrailTolerance);
        Assert.Equal("non-inferior", lenient.Metrics[1].Treatments[0].Guardrail);
        Assert.DoesNotContain("a guardrail metric is degraded", lenient.ReadyForDecision);
        Assert.Equal("degraded", strict.Metrics[1].Treatments[0].Guardrail);
        Assert.Contains("a guardrail metric is degraded", strict.ReadyForDecision);
        Assert.Null(strict.Metrics[1].Treatments[0].AdjustedPValue);
    }

    [Fact]
    public void The_conversion_lift_for_ROI_is_the_absolute_difference_of_the_shipped_treatment_with_its_interval()
    {
        var data = Data((("control", "conversionRate"), Yes(28, 14)), (("prompt-v4", "conversionRate"), Yes(30, 16)));

        var lift = ResultsCalculator.ConversionLift(Running(Definition()), "prompt-v4", data)!;

        // 16/30 − 14/28, with Welch's t interval: se = sqrt(.5·.5/28 + (8/15)(7/15)/30) = 0.131243, df 55.7, t 2.0036.
        Assert.Equal("exp-test", lift.ExperimentId);
        Assert.Equal(16 / 30.0 - 0.5, lift.AbsoluteLift, 12);
        Assert.Equal(-0.2296, lift.Low, 3);
        Assert.Equal(0.2963, lift.High, 3);
    }

    [Fact]
    public void No_conversion_lift_without_conversions_or_for_control()
    {
        var data = Data((("control", "csatMean"), Normal(100, 4, 1)), (("prompt-v4", "csatMean"), Normal(100, 4.1, 1)));

        Assert.Null(ResultsCalculator.ConversionLift(Running(Definition("csatMean")), "prompt-v4", data));
        Assert.Null(ResultsCalculator.ConversionLift(Running(Definition()), "control",
            Data((("control", "conversionRate"), Yes(28, 14)), (("prompt-v4", "conversionRate"), Yes(30, 16)))));
    }
}
