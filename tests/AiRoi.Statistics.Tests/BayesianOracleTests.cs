namespace AiRoi.Statistics.Tests;

public class BayesianOracleTests
{
    private static EffectMoments FortyNineVersusFiftyOne(Difference difference = Difference.Relative) =>
        EffectMoments.Between(new ProportionStatistic(100, 49), new ProportionStatistic(100, 51), difference);

    [Fact]
    public void Flat_prior_relative_lift_matches_reference()
    {
        var lift = BayesianTest.Analyze(FortyNineVersusFiftyOne());

        OracleAssert.Close(0.04082, lift.Estimate);
        OracleAssert.Close(-0.24779, lift.CiLower);
        OracleAssert.Close(0.32943, lift.CiUpper);
        OracleAssert.Close(0.60918, lift.ChanceToWin);
        OracleAssert.Close(0.0814, lift.RiskControl);
        OracleAssert.Close(0.04058, lift.RiskTreatment);
        Assert.Null(lift.PValue);
    }

    [Fact]
    public void Risks_far_in_the_tail_are_never_negative()
    {
        // Found by the property test: μ/σ ≈ −38, where both terms of E[max(0, X)] are subnormal doubles.
        var effect = EffectMoments.Between(new ProportionStatistic(4860, 3747), new ProportionStatistic(1232, 339), Difference.Relative);

        var lift = BayesianTest.Analyze(effect);

        Assert.True(lift.RiskControl >= 0);
        Assert.True(lift.RiskTreatment >= 0);
        Assert.Equal(-lift.Estimate, lift.RiskTreatment!.Value, 12);
    }

    [Fact]
    public void Lower_is_better_flips_the_chance_to_win_and_swaps_the_risks()
    {
        var up = BayesianTest.Analyze(FortyNineVersusFiftyOne());
        var down = BayesianTest.Analyze(FortyNineVersusFiftyOne(), direction: MetricDirection.LowerIsBetter);

        Assert.Equal(1 - up.ChanceToWin!.Value, down.ChanceToWin!.Value, 12);
        Assert.Equal(up.RiskControl, down.RiskTreatment);
        Assert.Equal(up.RiskTreatment, down.RiskControl);
    }

    [Fact]
    public void Informative_prior_shrinks_the_lift_toward_its_mean_and_narrows_the_interval()
    {
        var flat = BayesianTest.Analyze(FortyNineVersusFiftyOne());
        var shrunk = BayesianTest.Analyze(FortyNineVersusFiftyOne(), prior: new EffectPrior(0, 0.1 * 0.1));

        // Precision-weighted average: data variance ≈ 0.1473², prior variance 0.1².
        var dataVariance = Math.Pow(flat.StandardError, 2);
        var expected = flat.Estimate / dataVariance / (1 / dataVariance + 1 / 0.01);
        Assert.Equal(expected, shrunk.Estimate, 10);
        Assert.True(shrunk.Estimate < flat.Estimate && shrunk.Estimate > 0);
        Assert.True(shrunk.StandardError < flat.StandardError);
    }

    [Fact]
    public void Relative_prior_is_rescaled_by_the_control_mean_for_an_absolute_difference()
    {
        var relative = BayesianTest.Analyze(FortyNineVersusFiftyOne(), prior: new EffectPrior(0.1, 0.04));
        var absolute = BayesianTest.Analyze(FortyNineVersusFiftyOne(Difference.Absolute), prior: new EffectPrior(0.1, 0.04));

        // The absolute posterior is built from prior mean 0.049 and variance 0.04 × 0.49².
        var data = FortyNineVersusFiftyOne(Difference.Absolute);
        var precision = 1 / data.Variance + 1 / (0.04 * 0.49 * 0.49);
        Assert.Equal((data.Estimate / data.Variance + 0.049 / (0.04 * 0.49 * 0.49)) / precision, absolute.Estimate, 12);
        Assert.NotEqual(relative.Estimate, absolute.Estimate);
    }

    [Fact]
    public void Very_diffuse_prior_approaches_the_flat_prior()
    {
        var flat = BayesianTest.Analyze(FortyNineVersusFiftyOne());
        var diffuse = BayesianTest.Analyze(FortyNineVersusFiftyOne(), prior: new EffectPrior(5, 1e9));

        Assert.Equal(flat.Estimate, diffuse.Estimate, 6);
        Assert.Equal(flat.ChanceToWin!.Value, diffuse.ChanceToWin!.Value, 6);
    }
}
