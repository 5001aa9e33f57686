namespace AiRoi.Statistics.Tests;

public class GuardrailTests
{
    [Theory]
    [InlineData(-0.01, 0.05, 0.02, GuardrailVerdict.NonInferior)]
    [InlineData(-0.03, 0.05, 0.02, GuardrailVerdict.Inconclusive)]
    [InlineData(-0.09, -0.03, 0.02, GuardrailVerdict.Degraded)]
    [InlineData(-0.09, -0.01, 0.02, GuardrailVerdict.Inconclusive)]
    [InlineData(-0.09, -0.01, 0.0, GuardrailVerdict.Degraded)]
    public void Higher_is_better_metric_is_judged_by_its_lower_side(double lower, double upper, double tolerance, GuardrailVerdict expected)
    {
        var lift = new LiftEstimate((lower + upper) / 2, 0.01, lower, upper);

        Assert.Equal(expected, Guardrail.Check(lift, tolerance, MetricDirection.HigherIsBetter));
    }

    [Theory]
    [InlineData(-0.05, 0.01, 0.02, GuardrailVerdict.NonInferior)]
    [InlineData(-0.05, 0.03, 0.02, GuardrailVerdict.Inconclusive)]
    [InlineData(0.03, 0.09, 0.02, GuardrailVerdict.Degraded)]
    public void Lower_is_better_metric_is_judged_by_its_upper_side(double lower, double upper, double tolerance, GuardrailVerdict expected)
    {
        var lift = new LiftEstimate((lower + upper) / 2, 0.01, lower, upper);

        Assert.Equal(expected, Guardrail.Check(lift, tolerance, MetricDirection.LowerIsBetter));
    }

    [Fact]
    public void Slower_resolution_beyond_tolerance_fails_the_guardrail_end_to_end()
    {
        // Resolution time (lower is better) rises from 10 to 12 minutes on average, sd ≈ 3: clearly worse than +5%.
        var control = new MeanStatistic(2000, 20_000, 2000 * (100 + 9));
        var treatment = new MeanStatistic(2000, 24_000, 2000 * (144 + 9));
        var lift = ExperimentAnalyzer.Analyze(new AnalysisRequest([control, treatment])).Treatments[0].Lift;

        Assert.Equal(GuardrailVerdict.Degraded, Guardrail.Check(lift, 0.05, MetricDirection.LowerIsBetter));
        Assert.Equal(GuardrailVerdict.NonInferior, Guardrail.Check(lift, 0.05, MetricDirection.HigherIsBetter));
    }
}
