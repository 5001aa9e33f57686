using AiRoi.Experiments.Analysis;
using AiRoi.Statistics;
using static AiRoi.Experiments.Tests.Requests;

namespace AiRoi.Experiments.Tests;

/// <summary>Every bad request body, once bound, is answered with its problem type and the failing field.</summary>
public class AnalysisValidationTests
{
    private static readonly VariantSums Control = Proportion("control", 28, 14);
    private static readonly VariantSums Treatment = Proportion("treatment", 30, 16);

    private static void Refused(MetricAnalysisRequest request, string slug, string field) =>
        Answer.Problem(Handled.AnalyzeMetric(request), slug, field);

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_variant_with_fewer_than_two_units_is_refused(long n) =>
        Refused(SmallProportion() with { Variants = [Control, Proportion("treatment", n, 0)] }, "too-few-units", "variants[1].n");

    [Fact]
    public void Unit_counts_whose_total_would_overflow_are_refused() =>
        Refused(
            SmallProportion() with { Variants = [Proportion("control", long.MaxValue / 2 + 1, 14), Proportion("treatment", long.MaxValue / 2 + 1, 16)] },
            "out-of-range",
            "variants[0].n");

    [Fact]
    public void The_largest_unit_count_is_analysed()
    {
        var n = AnalysisLimits.MaxUnitsPerVariant;
        var request = SmallProportion() with { Variants = [Proportion("control", n, n / 2), Proportion("treatment", n, n / 2 + n / 100)] };

        Answer.Ok(Handled.AnalyzeMetric(request));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(-1)]
    public void Conversions_outside_zero_to_n_are_refused(long conversions) =>
        Refused(SmallProportion() with { Variants = [Control, Proportion("treatment", 30, conversions)] }, "out-of-range", "variants[1].conversions");

    [Fact]
    public void Sums_implying_a_negative_variance_are_refused() =>
        Refused(
            MetricRequest(MetricKind.Mean, AnalysisMethod.Frequentist, Mean("control", 10, 100, 1100), Mean("treatment", 10, 100, 10)),
            "inconsistent-sums",
            "variants[1].sumSquares");

    [Fact]
    public void One_variant_is_refused() =>
        Refused(SmallProportion() with { Variants = [Control] }, "too-few-variants", "variants");

    [Fact]
    public void No_variants_are_refused() =>
        Refused(SmallProportion() with { Variants = [] }, "too-few-variants", "variants");

    [Fact]
    public void More_than_the_variant_limit_is_refused() =>
        Refused(
            SmallProportion() with { Variants = Enumerable.Range(0, AnalysisLimits.MaxVariants + 1).Select(i => Proportion($"v{i}", 30, 10)).ToList() },
            "too-many-items",
            "variants");

    [Fact]
    public void Exactly_the_variant_limit_is_accepted()
    {
        var request = SmallProportion() with { Variants = Enumerable.Range(0, AnalysisLimits.MaxVariants).Select(i => Proportion($"v{i}", 30, 10 + i)).ToList() };

        Assert.Equal(AnalysisLimits.MaxVariants - 1, Answer.Ok(Handled.AnalyzeMetric(request)).Results.Count);
    }

    [Theory]
    [InlineData("metricType")]
    [InlineData("method")]
    [InlineData("variants")]
    public void A_missing_required_option_is_named(string field)
    {
        var request = field switch
        {
            "metricType" => SmallProportion() with { MetricType = null },
            "method" => SmallProportion() with { Method = null },
            _ => SmallProportion() with { Variants = null },
        };

        Refused(request, "missing-field", field);
    }

    [Fact]
    public void A_mean_variant_without_sum_is_refused() =>
        Refused(
            MetricRequest(MetricKind.Mean, AnalysisMethod.Frequentist, Mean("control", 10, 5, 10), Mean("treatment", 10, 5, 10) with { Sum = null }),
            "missing-field",
            "variants[1].sum");

    [Theory]
    [InlineData("name")]
    [InlineData("n")]
    [InlineData("conversions")]
    public void A_proportion_variant_without_a_required_field_is_refused(string field)
    {
        var variant = field switch
        {
            "name" => Treatment with { Name = " " },
            "n" => Treatment with { N = null },
            _ => Treatment with { Conversions = null },
        };

        Refused(SmallProportion() with { Variants = [Control, variant] }, "missing-field", $"variants[1].{field}");
    }

    [Fact]
    public void A_null_variant_is_refused() =>
        Refused(SmallProportion() with { Variants = [Control, null!] }, "missing-field", "variants[1]");

    [Fact]
    public void Conversions_on_a_mean_variant_do_not_apply() =>
        Refused(
            MetricRequest(MetricKind.Mean, AnalysisMethod.Frequentist, Mean("control", 10, 5, 10) with { Conversions = 3 }, Mean("treatment", 10, 5, 10)),
            "not-applicable",
            "variants[0].conversions");

    [Fact]
    public void A_sum_on_a_proportion_variant_does_not_apply() =>
        Refused(SmallProportion() with { Variants = [Control, Treatment with { Sum = 16 }] }, "not-applicable", "variants[1].sum");

    [Fact]
    public void Cuped_sums_on_a_ratio_variant_do_not_apply() =>
        Refused(
            MetricRequest(MetricKind.Ratio, AnalysisMethod.Frequentist, Ratio("control", 50, 200, 1000, 100, 250, 450) with { PreSum = 1 }, Ratio("treatment", 60, 330, 2000, 150, 420, 900)),
            "not-applicable",
            "variants[0].preSum");

    [Fact]
    public void A_ratio_variant_without_its_denominator_is_refused() =>
        Refused(
            MetricRequest(MetricKind.Ratio, AnalysisMethod.Frequentist, Ratio("control", 50, 200, 1000, 100, 250, 450), Ratio("treatment", 60, 330, 2000, 150, 420, 900) with { DenominatorSum = null }),
            "missing-field",
            "variants[1].denominatorSum");

    [Fact]
    public void A_zero_ratio_denominator_is_refused() =>
        Refused(
            MetricRequest(MetricKind.Ratio, AnalysisMethod.Frequentist, Ratio("control", 50, 200, 1000, 0, 0, 0), Ratio("treatment", 60, 330, 2000, 150, 420, 900)),
            "zero-baseline",
            "variants[0].denominatorSum");

    [Fact]
    public void Part_of_the_cuped_sums_asks_for_the_rest() =>
        Refused(
            MetricRequest(MetricKind.Mean, AnalysisMethod.Sequential, SequentialControl with { PreSum = 16.87 }, SequentialTreatment),
            "missing-field",
            "variants[0].preSumSquares");

    [Fact]
    public void Cuped_sums_on_only_some_variants_are_named_by_the_variant_lacking_them() =>
        Refused(
            MetricRequest(MetricKind.Mean, AnalysisMethod.Sequential, SequentialControl with { PreSum = 16.87, PreSumSquares = 527.9767, SumProducts = 1 }, SequentialTreatment),
            "mixed-inputs",
            "variants[1].preSum");

    [Fact]
    public void Inconsistent_pre_period_sums_are_named_as_sent() =>
        Refused(
            MetricRequest(
                MetricKind.Mean,
                AnalysisMethod.Sequential,
                SequentialControl with { PreSum = 16.87, PreSumSquares = 527.9767, SumProducts = 1 },
                SequentialTreatment with { PreSum = 2000, PreSumSquares = 1, SumProducts = 1 }),
            "inconsistent-sums",
            "variants[1].preSumSquares");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1.5)]
    public void Alpha_outside_zero_to_one_is_refused(double alpha) =>
        Refused(SmallProportion() with { Alpha = alpha }, "out-of-range", "alpha");

    [Fact]
    public void A_non_positive_sequential_tuning_is_refused() =>
        Refused(SmallProportion(AnalysisMethod.Sequential) with { SequentialTuning = 0 }, "out-of-range", "sequentialTuning");

    [Fact]
    public void Expected_weights_of_the_wrong_length_are_refused() =>
        Refused(SmallProportion() with { ExpectedWeights = [0.2, 0.3, 0.5] }, "length-mismatch", "expectedWeights");

    [Fact]
    public void Expected_weights_not_summing_to_one_are_refused() =>
        Refused(SmallProportion() with { ExpectedWeights = [0.5, 0.6] }, "invalid-weights", "expectedWeights");

    [Fact]
    public void A_non_positive_expected_weight_is_refused() =>
        Refused(SmallProportion() with { ExpectedWeights = [1.5, -0.5] }, "invalid-weights", "expectedWeights[1]");

    [Fact]
    public void More_expected_weights_than_the_variant_limit_are_refused() =>
        Refused(
            SmallProportion() with { ExpectedWeights = Enumerable.Repeat(1.0 / 21, AnalysisLimits.MaxVariants + 1).ToList() },
            "too-many-items",
            "expectedWeights");

    [Fact]
    public void A_prior_does_not_apply_to_a_frequentist_analysis() =>
        Refused(SmallProportion() with { Prior = new LiftPrior { Mean = 0, Variance = 0.09 } }, "not-applicable", "prior");

    [Fact]
    public void A_prior_without_a_variance_is_refused() =>
        Refused(SmallProportion(AnalysisMethod.Bayesian) with { Prior = new LiftPrior { Mean = 0 } }, "missing-field", "prior.variance");

    [Fact]
    public void A_prior_with_zero_variance_is_refused() =>
        Refused(SmallProportion(AnalysisMethod.Bayesian) with { Prior = new LiftPrior { Mean = 0, Variance = 0 } }, "out-of-range", "prior.variance");

    [Fact]
    public void A_relative_difference_against_a_zero_control_is_refused() =>
        Refused(SmallProportion() with { Variants = [Proportion("control", 28, 0), Treatment] }, "zero-baseline", "variants[0]");

    [Fact]
    public void Arms_that_never_vary_are_refused_rather_than_answered_with_nan() =>
        Refused(
            SmallProportion() with { Difference = Difference.Absolute, Variants = [Proportion("control", 28, 0), Proportion("treatment", 30, 0)] },
            "zero-variance",
            "variants[1]");

    [Fact]
    public void Sums_that_overflow_double_precision_are_refused() =>
        Refused(
            MetricRequest(MetricKind.Mean, AnalysisMethod.Frequentist, Mean("control", 10, 1e300, 1e300), Mean("treatment", 10, 5, 10)),
            "not-finite",
            "variants[0].sumSquares");

    [Fact]
    public void An_alpha_too_small_for_accurate_quantiles_is_refused()
    {
        // 1 − alpha/2 would round to exactly 1, whose normal quantile is infinite: the interval would be (−∞, ∞).
        var request = SmallProportion(AnalysisMethod.Bayesian) with { Alpha = 1e-20 };

        var problem = Answer.Problem(Handled.AnalyzeMetric(request), "out-of-range", "alpha");

        Assert.Contains("1E-06", problem.ProblemDetails.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_nan_result_is_refused_rather_than_serialised()
    {
        // The smallest positive double as tuning overflows the mixture's scale, and the interval comes out NaN.
        var request = SmallProportion(AnalysisMethod.Sequential) with { SequentialTuning = double.Epsilon };

        var problem = Answer.Problem(Handled.AnalyzeMetric(request), "non-finite-result", "variants[1]");

        Assert.Contains("ciLower", problem.ProblemDetails.Detail);
        Assert.DoesNotContain("NaN", problem.ProblemDetails.Detail);
    }

    [Theory]
    [InlineData(2, 1, 2, 1, 1e-6)]
    [InlineData(2, 1, 1000, 400, 5e-4)]
    public void Tiny_arms_at_a_tiny_alpha_are_answered_not_failed(long controlN, long controlConversions, long treatmentN, long treatmentConversions, double alpha)
    {
        var request = SmallProportion() with
        {
            Variants = [Proportion("control", controlN, controlConversions), Proportion("treatment", treatmentN, treatmentConversions)],
            Alpha = alpha,
            RelativeInterval = null,
        };

        var lift = Assert.Single(Answer.Ok(Handled.AnalyzeMetric(request)).Results);

        Assert.True(double.IsFinite(lift.CiLower) && double.IsFinite(lift.CiUpper) && lift.PValue is >= 0 and <= 1);
    }
}
