namespace AiRoi.Statistics.Tests;

/// <summary>
/// Inputs the engine accepts always get a finite answer (or a refusal naming the field), never an exception from a
/// numerical routine, NaN or infinity.
/// </summary>
public class EngineDefectTests
{
    private static void AllFinite(LiftEstimate lift)
    {
        Assert.True(double.IsFinite(lift.Estimate) && double.IsFinite(lift.StandardError), lift.ToString());
        Assert.True(double.IsFinite(lift.CiLower) && double.IsFinite(lift.CiUpper), lift.ToString());
        Assert.True(lift.CiLower <= lift.Estimate && lift.Estimate <= lift.CiUpper, lift.ToString());
        Assert.True(lift.PValue is null or (>= 0 and <= 1), lift.ToString());
    }

    [Theory]
    [InlineData(2, 1, 2, 1, 1e-6, Difference.Absolute)]
    [InlineData(2, 1, 1000, 400, 5e-4, Difference.Absolute)]
    [InlineData(2, 1, 3, 2, 1e-6, Difference.Absolute)]
    [InlineData(2, 1, 2, 1, 1e-6, Difference.Relative)]
    [InlineData(2, 1, 1000, 400, 5e-4, Difference.Relative)]
    public void Tiny_arms_at_a_tiny_alpha_get_a_finite_interval(
        long controlN, long controlConversions, long treatmentN, long treatmentConversions, double alpha, Difference difference)
    {
        var request = new AnalysisRequest(
            [new ProportionStatistic(controlN, controlConversions), new ProportionStatistic(treatmentN, treatmentConversions)],
            Difference: difference, Alpha: alpha);

        var lift = ExperimentAnalyzer.Analyze(request).Treatments[0].Lift;

        AllFinite(lift);
        var usual = ExperimentAnalyzer.Analyze(request with { Alpha = 0.05, RelativeInterval = RelativeInterval.DeltaMethod }).Treatments[0].Lift;
        var delta = ExperimentAnalyzer.Analyze(request with { RelativeInterval = RelativeInterval.DeltaMethod }).Treatments[0].Lift;
        Assert.True(delta.CiUpper - delta.CiLower > usual.CiUpper - usual.CiLower, "A smaller alpha widens the interval.");
    }

    [Fact]
    public void A_t_quantile_the_library_cannot_invert_is_found_another_way()
    {
        // One degree of freedom is the Cauchy distribution: P(T > t) = 1/2 − atan(t)/π, so t = tan(π(1/2 − p)).
        foreach (var alpha in new[] { 1e-6, 5e-4, 0.05 })
        {
            var cauchy = Math.Tan(Math.PI * (0.5 - alpha / 2));
            Assert.Equal(cauchy, StudentTQuantile.TwoSided(1, alpha), cauchy * 1e-9);
        }
    }

    [Fact]
    public void Arms_beyond_two_to_the_fifty_units_are_refused_rather_than_overflowing()
    {
        var huge = new ProportionStatistic(1L << 62, 1L << 61);

        var error = Assert.Throws<StatisticsInputException>(() => ExperimentAnalyzer.Analyze(
            new AnalysisRequest([huge, huge with { Conversions = (1L << 61) + 1 }], AnalysisMethod.Sequential)));

        Assert.Equal(("variants[0].n", InputProblem.OutOfRange), (error.Field, error.Reason));
        var largest = new ProportionStatistic(SampleStatistic.MaxUnits, SampleStatistic.MaxUnits / 2);
        AllFinite(ExperimentAnalyzer.Analyze(new AnalysisRequest(
            [largest, largest with { Conversions = largest.Conversions + 1000 }], AnalysisMethod.Sequential)).Treatments[0].Lift);
    }

    [Theory]
    [InlineData(0.0, 1e-320, "prior.variance")]
    [InlineData(0.0, 1e300, "prior.variance")]
    [InlineData(1e300, 0.09, "prior.mean")]
    public void A_subnormal_or_huge_prior_is_refused_naming_it(double mean, double variance, string field)
    {
        var request = new AnalysisRequest(
            [new ProportionStatistic(1000, 100), new ProportionStatistic(1000, 120)], AnalysisMethod.Bayesian, Prior: new EffectPrior(mean, variance));

        var error = Assert.Throws<StatisticsInputException>(() => ExperimentAnalyzer.Analyze(request));

        Assert.Equal((field, InputProblem.OutOfRange), (error.Field, error.Reason));
    }

    [Fact]
    public void The_tightest_and_widest_priors_accepted_still_give_finite_answers()
    {
        foreach (var prior in new[] { new EffectPrior(EffectPrior.MaxAbsoluteMean, EffectPrior.MinVariance), new EffectPrior(-EffectPrior.MaxAbsoluteMean, EffectPrior.MaxVariance) })
        {
            foreach (var difference in new[] { Difference.Relative, Difference.Absolute })
            {
                var request = new AnalysisRequest(
                    [new MeanStatistic(1000, 1e9, 1e15), new MeanStatistic(1000, 1.1e9, 1.3e15)], AnalysisMethod.Bayesian, difference, Prior: prior);
                var lift = ExperimentAnalyzer.Analyze(request).Treatments[0].Lift;
                AllFinite(lift);
                Assert.True(lift.ChanceToWin is >= 0 and <= 1);
            }
        }
    }

    [Theory]
    [InlineData(1e-17, 0.1, "alpha")]
    [InlineData(0.05, 1e-300, "effect")]
    [InlineData(0.05, 1e-9, "effect")]
    public void A_plan_that_no_sample_could_meet_is_refused_instead_of_answering_infinity(double alpha, double effect, string field)
    {
        var error = Assert.Throws<StatisticsInputException>(
            () => PowerAnalysis.UnitsPerVariantNeeded(PowerPlan.ForConversionRate(0.1, alpha), effect, Difference.Relative));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_rate_cannot_be_planned_past_one()
    {
        var error = Assert.Throws<StatisticsInputException>(
            () => PowerAnalysis.UnitsPerVariantNeeded(PowerPlan.ForConversionRate(0.9), 0.2, Difference.Relative));

        Assert.Equal("effect", error.Field);
    }
}
