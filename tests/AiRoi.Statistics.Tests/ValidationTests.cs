namespace AiRoi.Statistics.Tests;

/// <summary>Every input rule: the engine refuses with the offending field instead of returning NaN.</summary>
public class ValidationTests
{
    private static readonly ProportionStatistic Control = new(1000, 100);
    private static readonly ProportionStatistic Treatment = new(1000, 120);

    private static StatisticsInputException Refused(AnalysisRequest request) =>
        Assert.Throws<StatisticsInputException>(() => ExperimentAnalyzer.Analyze(request));

    private static void AssertRefused(AnalysisRequest request, string field, InputProblem reason)
    {
        var error = Refused(request);
        Assert.Equal(field, error.Field);
        Assert.Equal(reason, error.Reason);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    public static TheoryData<string, SampleStatistic, string, InputProblem> InvalidTreatments => new()
    {
        { "one unit", new ProportionStatistic(1, 0), "variants[1].n", InputProblem.TooFewUnits },
        { "more conversions than units", new ProportionStatistic(10, 11), "variants[1].conversions", InputProblem.OutOfRange },
        { "negative conversions", new ProportionStatistic(10, -1), "variants[1].conversions", InputProblem.OutOfRange },
        { "mean of one unit", new MeanStatistic(1, 5, 25), "variants[1].n", InputProblem.TooFewUnits },
        { "negative variance", new MeanStatistic(10, 100, 10), "variants[1].sumSquares", InputProblem.InconsistentSums },
        { "NaN sum", new MeanStatistic(10, double.NaN, 10), "variants[1].sum", InputProblem.NotFinite },
        { "infinite sum of squares", new MeanStatistic(10, 1, double.PositiveInfinity), "variants[1].sumSquares", InputProblem.NotFinite },
        { "negative sum of squares", new MeanStatistic(10, 1, -1), "variants[1].sumSquares", InputProblem.OutOfRange },
    };

    [Theory]
    [MemberData(nameof(InvalidTreatments))]
    public void Invalid_treatment_sums_are_refused_with_their_field(string rule, SampleStatistic treatment, string field, InputProblem reason)
    {
        var control = treatment is MeanStatistic ? (SampleStatistic)new MeanStatistic(10, 10, 20) : Control;

        AssertRefused(new AnalysisRequest([control, treatment]), field, reason);
        Assert.NotEmpty(rule);
    }

    public static TheoryData<string, RatioStatistic, string, InputProblem> InvalidRatios => new()
    {
        { "zero denominator", new RatioStatistic(10, 5, 5, 0, 0, 0), "variants[1].denominatorSum", InputProblem.ZeroBaseline },
        { "impossible covariance", new RatioStatistic(10, 10, 20, 10, 20, 1000), "variants[1].sumProducts", InputProblem.InconsistentSums },
        { "negative numerator variance", new RatioStatistic(10, 100, 10, 10, 20, 10), "variants[1].numeratorSumSquares", InputProblem.InconsistentSums },
        { "NaN denominator", new RatioStatistic(10, 10, 20, double.NaN, 20, 10), "variants[1].denominatorSum", InputProblem.NotFinite },
    };

    [Theory]
    [MemberData(nameof(InvalidRatios))]
    public void Invalid_ratio_sums_are_refused_with_their_field(string rule, RatioStatistic treatment, string field, InputProblem reason)
    {
        var control = new RatioStatistic(10, 10, 20, 10, 12, 11);

        AssertRefused(new AnalysisRequest([control, treatment]), field, reason);
        Assert.NotEmpty(rule);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(1e-20)]
    [InlineData(0.6)]
    public void Alpha_outside_zero_one_or_the_accurate_range_is_refused(double alpha)
    {
        var error = Refused(new AnalysisRequest([Control, Treatment], Alpha: alpha));

        Assert.Equal("alpha", error.Field);
    }

    [Fact]
    public void Fewer_than_two_variants_are_refused()
    {
        AssertRefused(new AnalysisRequest([Control]), "variants", InputProblem.TooFewVariants);
    }

    [Fact]
    public void Missing_variant_is_refused_with_its_index()
    {
        AssertRefused(new AnalysisRequest([Control, Treatment, null!]), "variants[2]", InputProblem.OutOfRange);
    }

    [Fact]
    public void Invalid_third_variant_is_named_by_its_index()
    {
        AssertRefused(new AnalysisRequest([Control, Treatment, new ProportionStatistic(10, 20)]), "variants[2].conversions", InputProblem.OutOfRange);
    }

    [Fact]
    public void Invalid_control_is_named_as_variant_zero()
    {
        AssertRefused(new AnalysisRequest([new ProportionStatistic(10, 20), Treatment]), "variants[0].conversions", InputProblem.OutOfRange);
    }

    [Fact]
    public void Zero_control_mean_is_refused_for_a_relative_difference_but_not_an_absolute_one()
    {
        var variants = new SampleStatistic[] { new ProportionStatistic(100, 0), new ProportionStatistic(100, 5) };

        AssertRefused(new AnalysisRequest(variants), "variants[0]", InputProblem.ZeroBaseline);
        Assert.Equal(0.05, ExperimentAnalyzer.Analyze(new AnalysisRequest(variants, Difference: Difference.Absolute)).Treatments[0].Lift.Estimate, 12);
    }

    [Fact]
    public void Arms_without_any_variance_are_refused()
    {
        var variants = new SampleStatistic[] { new ProportionStatistic(100, 0), new ProportionStatistic(100, 0) };

        AssertRefused(new AnalysisRequest(variants, Difference: Difference.Absolute), "variants[1]", InputProblem.ZeroVariance);
    }

    [Fact]
    public void Relative_lift_of_a_treatment_that_never_converts_is_refused_rather_than_reported_as_certain()
    {
        // The delta-method variance is zero here, which would give a zero-width interval and p = 0.
        var variants = new SampleStatistic[] { new ProportionStatistic(100, 10), new ProportionStatistic(100, 0) };

        AssertRefused(new AnalysisRequest(variants), "variants[1]", InputProblem.ZeroVariance);
    }

    [Fact]
    public void Sums_whose_square_overflows_are_refused()
    {
        var variants = new SampleStatistic[] { new MeanStatistic(10, 10, 20), new MeanStatistic(10, 1e200, 1e300) };

        AssertRefused(new AnalysisRequest(variants), "variants[1].sumSquares", InputProblem.NotFinite);
    }

    [Fact]
    public void Effects_that_overflow_are_refused()
    {
        // A control mean of 1e-300 against 1e10 gives a relative lift beyond double range.
        var variants = new SampleStatistic[] { new MeanStatistic(10, 1e-299, 1), new MeanStatistic(10, 1e11, 2e21) };

        AssertRefused(new AnalysisRequest(variants), "variants[1]", InputProblem.NotFinite);
    }

    [Fact]
    public void Mixed_metric_kinds_are_refused()
    {
        AssertRefused(new AnalysisRequest([Control, new MeanStatistic(10, 10, 20)]), "variants[1]", InputProblem.MixedInputs);
    }

    [Fact]
    public void Covariate_on_only_some_variants_is_refused()
    {
        var variants = new SampleStatistic[] { Samples.SequentialControl, Samples.CupedTreatment };

        AssertRefused(new AnalysisRequest(variants), "variants[0].covariate", InputProblem.MixedInputs);
    }

    [Fact]
    public void Covariate_with_impossible_covariance_is_refused()
    {
        var treatment = Samples.SequentialTreatment with { Covariate = new CupedCovariate(22.7, 1348.29, 1e7) };

        AssertRefused(new AnalysisRequest([Samples.CupedControl, treatment]), "variants[1].covariate.sumProducts", InputProblem.InconsistentSums);
    }

    [Fact]
    public void Covariate_with_negative_variance_is_refused()
    {
        var treatment = Samples.SequentialTreatment with { Covariate = new CupedCovariate(3461, 1, 1) };

        AssertRefused(new AnalysisRequest([Samples.CupedControl, treatment]), "variants[1].covariate.preSumSquares", InputProblem.InconsistentSums);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.PositiveInfinity)]
    public void Non_positive_sequential_tuning_is_refused(double tuning)
    {
        var error = Refused(new AnalysisRequest([Control, Treatment], AnalysisMethod.Sequential, SequentialTuning: tuning));

        Assert.Equal("sequentialTuning", error.Field);
    }

    [Fact]
    public void Expected_weights_must_line_up_with_the_variants()
    {
        AssertRefused(new AnalysisRequest([Control, Treatment], ExpectedWeights: [0.2, 0.3, 0.5]), "expectedWeights", InputProblem.LengthMismatch);
    }

    [Fact]
    public void Expected_weights_must_sum_to_one()
    {
        AssertRefused(new AnalysisRequest([Control, Treatment], ExpectedWeights: [0.5, 0.6]), "expectedWeights", InputProblem.InvalidWeights);
    }

    [Fact]
    public void Expected_weights_must_be_positive()
    {
        AssertRefused(new AnalysisRequest([Control, Treatment], ExpectedWeights: [1.5, -0.5]), "expectedWeights[1]", InputProblem.InvalidWeights);
    }

    [Fact]
    public void A_prior_is_refused_outside_the_Bayesian_method()
    {
        AssertRefused(new AnalysisRequest([Control, Treatment], Prior: new EffectPrior(0, 1)), "prior", InputProblem.NotApplicable);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void A_prior_needs_a_positive_variance(double variance)
    {
        var error = Refused(new AnalysisRequest([Control, Treatment], AnalysisMethod.Bayesian, Prior: new EffectPrior(0, variance)));

        Assert.Equal("prior.variance", error.Field);
    }

    [Fact]
    public void Unknown_method_is_refused()
    {
        AssertRefused(new AnalysisRequest([Control, Treatment], (AnalysisMethod)42), "method", InputProblem.OutOfRange);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void P_values_outside_zero_one_are_refused(double p)
    {
        Assert.Equal("pValues[1]", Assert.Throws<StatisticsInputException>(() => MultipleTesting.Holm([0.1, p])).Field);
        Assert.Equal("pValues[1]", Assert.Throws<StatisticsInputException>(() => MultipleTesting.BenjaminiHochberg([0.1, p])).Field);
    }

    [Fact]
    public void Allocation_refuses_unknown_hash_versions()
    {
        var error = Assert.Throws<StatisticsInputException>(() => new VariantAllocation("exp", [0.5, 0.5], hashVersion: 3));

        Assert.Equal("hashVersion", error.Field);
        Assert.Equal(InputProblem.UnknownHashVersion, error.Reason);
    }

    [Theory]
    [InlineData(new[] { 1.0 }, "weights", InputProblem.TooFewVariants)]
    [InlineData(new[] { 0.5, 0.4 }, "weights", InputProblem.InvalidWeights)]
    [InlineData(new[] { 1.0, 0.0 }, "weights[1]", InputProblem.InvalidWeights)]
    [InlineData(new[] { double.NaN, 0.5 }, "weights[0]", InputProblem.NotFinite)]
    public void Allocation_refuses_invalid_weights(double[] weights, string field, InputProblem reason)
    {
        var error = Assert.Throws<StatisticsInputException>(() => new VariantAllocation("exp", weights));

        Assert.Equal(field, error.Field);
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(0.6, 0.4)]
    [InlineData(-0.1, 0.4)]
    [InlineData(0.2, 1.1)]
    public void Allocation_refuses_empty_or_out_of_range_namespace_slices(double start, double end)
    {
        var error = Assert.Throws<StatisticsInputException>(
            () => new VariantAllocation("exp", [0.5, 0.5], namespaceSlice: new NamespaceSlice("ns", start, end)));

        Assert.Equal("namespace", error.Field);
    }

    [Fact]
    public void Allocation_refuses_a_namespace_without_id()
    {
        var error = Assert.Throws<StatisticsInputException>(
            () => new VariantAllocation("exp", [0.5, 0.5], namespaceSlice: new NamespaceSlice("", 0, 0.5)));

        Assert.Equal("namespace.namespaceId", error.Field);
    }

    [Fact]
    public void Sample_ratio_check_refuses_negative_counts_and_an_empty_experiment()
    {
        Assert.Equal("units[1]", Assert.Throws<StatisticsInputException>(() => SampleRatioMismatch.Check([10, -1], [0.5, 0.5])).Field);
        Assert.Equal("units", Assert.Throws<StatisticsInputException>(() => SampleRatioMismatch.Check([0, 0], [0.5, 0.5])).Field);
    }

    [Fact]
    public void Guardrail_refuses_a_negative_tolerance()
    {
        var lift = new LiftEstimate(0, 1, -1, 1);

        Assert.Equal("toleratedDegradation", Assert.Throws<StatisticsInputException>(
            () => Guardrail.Check(lift, -0.01, MetricDirection.HigherIsBetter)).Field);
    }
}
