namespace AiRoi.Statistics.Tests;

public class RatioMetricTests
{
    [Fact]
    public void Ratio_with_a_denominator_of_one_per_unit_equals_the_mean_metric()
    {
        // Each unit contributes denominator 1: Σd = n, Σd² = n, Σ(m·d) = Σm.
        var ratioControl = new RatioStatistic(3407, 1396.87, 52377.9767, 3407, 3407, 1396.87);
        var ratioTreatment = new RatioStatistic(3461, 2422.7, 134698.29, 3461, 3461, 2422.7);

        var ratio = FrequentistTest.Analyze(EffectMoments.Between(ratioControl, ratioTreatment, Difference.Relative));
        var mean = FrequentistTest.Analyze(EffectMoments.Between(Samples.FixedControl, Samples.FixedTreatment, Difference.Relative));

        Assert.Equal(mean.Estimate, ratio.Estimate, 10);
        Assert.Equal(mean.StandardError, ratio.StandardError, 10);
        Assert.Equal(mean.PValue!.Value, ratio.PValue!.Value, 10);
    }

    [Fact]
    public void Ratio_variance_follows_the_delta_method()
    {
        // Revenue per order, 4 users: (m, d) = (10, 1), (30, 2), (0, 1), (20, 2).
        var arm = new RatioStatistic(4, 60, 1400, 6, 10, 110);
        var treatment = new RatioStatistic(4, 60, 1400, 6, 10, 110);
        var effect = EffectMoments.Between(arm, treatment, Difference.Absolute);

        // m̄ = 15, d̄ = 1.5, Var m = 500/3, Var d = 1/3, Cov = 20/3; per-unit variance
        // = (500/3)/2.25 − 2·(20/3)·15/3.375 + 225·(1/3)/5.0625 = 74.074 − 59.259 + 14.815 = 29.630.
        Assert.Equal(10, effect.ControlMean, 12);
        Assert.Equal(2 * 29.6296296 / 4, effect.Variance, 6);
    }

    [Fact]
    public void Ratio_metrics_run_through_the_analyzer()
    {
        var control = new RatioStatistic(1000, 5000, 60_000, 1500, 2600, 9000);
        var treatment = new RatioStatistic(1000, 5600, 70_000, 1500, 2600, 9800);

        var result = ExperimentAnalyzer.Analyze(new AnalysisRequest([control, treatment], Difference: Difference.Relative));

        Assert.Equal(0.12, result.Treatments[0].Lift.Estimate, 10);
        Assert.True(result.Treatments[0].Lift.StandardError > 0);
    }
}
