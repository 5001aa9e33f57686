namespace AiRoi.Statistics.Tests;

public class ExperimentAnalyzerTests
{
    [Fact]
    public void Frequentist_request_reproduces_the_reference_case()
    {
        var result = ExperimentAnalyzer.Analyze(new AnalysisRequest([Samples.FixedControl, Samples.FixedTreatment], RelativeInterval: RelativeInterval.DeltaMethod));

        var treatment = Assert.Single(result.Treatments);
        Assert.Equal(1, treatment.VariantIndex);
        OracleAssert.Close(0.70732, treatment.Lift.Estimate);
        OracleAssert.Close(0.06191, treatment.Lift.PValue);
        Assert.Equal(0.41, treatment.Effect.ControlMean, 10);
        Assert.Equal(0.70, treatment.Effect.TreatmentMean, 10);
    }

    [Fact]
    public void Sequential_request_with_CUPED_reproduces_the_reference_case()
    {
        var result = ExperimentAnalyzer.Analyze(new AnalysisRequest(
            [Samples.CupedControl, Samples.CupedTreatment], AnalysisMethod.Sequential, SequentialTuning: 5000));

        var lift = result.Treatments[0].Lift;
        OracleAssert.Close(0.50338, lift.Estimate);
        OracleAssert.Close(-0.50969, lift.CiLower);
        OracleAssert.Close(1.51646, lift.CiUpper);
    }

    [Fact]
    public void Bayesian_request_reproduces_the_reference_case()
    {
        var result = ExperimentAnalyzer.Analyze(new AnalysisRequest(
            [new ProportionStatistic(100, 49), new ProportionStatistic(100, 51)], AnalysisMethod.Bayesian));

        OracleAssert.Close(0.60918, result.Treatments[0].Lift.ChanceToWin);
        OracleAssert.Close(0.0814, result.Treatments[0].Lift.RiskControl);
    }

    [Fact]
    public void Every_treatment_is_compared_with_the_first_variant()
    {
        var control = new ProportionStatistic(1000, 100);
        var better = new ProportionStatistic(1000, 150);
        var same = new ProportionStatistic(1000, 100);

        var result = ExperimentAnalyzer.Analyze(new AnalysisRequest([control, better, same], Difference: Difference.Absolute));

        Assert.Equal([1, 2], result.Treatments.Select(t => t.VariantIndex));
        Assert.Equal(0.05, result.Treatments[0].Lift.Estimate, 12);
        Assert.Equal(0, result.Treatments[1].Lift.Estimate, 12);
        Assert.Equal(1, result.Treatments[1].Lift.PValue!.Value, 10);
        Assert.Equal(FrequentistTest.Analyze(EffectMoments.Between(control, better, Difference.Absolute)), result.Treatments[0].Lift);
    }

    [Fact]
    public void Sample_ratio_defaults_to_equal_weights_and_uses_configured_ones()
    {
        var variants = new SampleStatistic[] { new ProportionStatistic(2000, 200), new ProportionStatistic(8000, 800) };

        var equal = ExperimentAnalyzer.Analyze(new AnalysisRequest(variants));
        var configured = ExperimentAnalyzer.Analyze(new AnalysisRequest(variants, ExpectedWeights: [0.2, 0.8]));

        Assert.True(equal.SampleRatio.IsMismatch);
        Assert.False(configured.SampleRatio.IsMismatch);
        Assert.Equal(1, configured.SampleRatio.PValue, 10);
    }

    [Fact]
    public void Alpha_sets_the_interval_coverage()
    {
        var variants = new SampleStatistic[] { Samples.FixedControl, Samples.FixedTreatment };

        var at95 = ExperimentAnalyzer.Analyze(new AnalysisRequest(variants, Difference: Difference.Absolute)).Treatments[0].Lift;
        var at90 = ExperimentAnalyzer.Analyze(new AnalysisRequest(variants, Difference: Difference.Absolute, Alpha: 0.10)).Treatments[0].Lift;

        // With thousands of degrees of freedom the t quantiles are close to the normal 1.95996 and 1.64485.
        Assert.Equal(1.64485 / 1.95996, (at90.CiUpper - at90.Estimate) / (at95.CiUpper - at95.Estimate), 3);
    }

    [Fact]
    public void Bayesian_prior_reaches_the_posterior()
    {
        var variants = new SampleStatistic[] { new ProportionStatistic(100, 49), new ProportionStatistic(100, 51) };

        var flat = ExperimentAnalyzer.Analyze(new AnalysisRequest(variants, AnalysisMethod.Bayesian)).Treatments[0].Lift;
        var informed = ExperimentAnalyzer.Analyze(new AnalysisRequest(variants, AnalysisMethod.Bayesian, Prior: new EffectPrior(0, 0.01))).Treatments[0].Lift;

        Assert.True(informed.Estimate < flat.Estimate);
    }
}
