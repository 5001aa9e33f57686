namespace AiRoi.Statistics.Tests;

public class CupedOracleTests
{
    [Fact]
    public void Pooled_theta_matches_reference()
    {
        OracleAssert.Close(-0.011403, Cuped.PooledTheta(Samples.CupedControl, Samples.CupedTreatment), 6);
    }

    [Fact]
    public void Relative_lift_with_sequential_interval_matches_reference()
    {
        var effect = EffectMoments.Between(Samples.CupedControl, Samples.CupedTreatment, Difference.Relative);
        var lift = SequentialTest.Analyze(effect, 0.05, 5000);

        OracleAssert.Close(0.50338, lift.Estimate);
        OracleAssert.Close(0.33341, lift.StandardError);
        OracleAssert.Close(-0.50969, lift.CiLower);
        OracleAssert.Close(1.51646, lift.CiUpper);
        OracleAssert.Close(-0.011403, effect.CupedTheta, 6);
    }

    [Fact]
    public void Constant_covariate_leaves_the_plain_comparison_unchanged()
    {
        // Every unit had pre-period value 2: the covariate explains nothing, θ is 0.
        var control = Samples.SequentialControl with { Covariate = new CupedCovariate(2 * 3000, 4 * 3000, 2 * 1396.87) };
        var treatment = Samples.SequentialTreatment with { Covariate = new CupedCovariate(2 * 3461, 4 * 3461, 2 * 2422.7) };

        var adjusted = EffectMoments.Between(control, treatment, Difference.Relative);
        var plain = EffectMoments.Between(Samples.SequentialControl, Samples.SequentialTreatment, Difference.Relative);

        Assert.Equal(0, adjusted.CupedTheta);
        Assert.Equal(plain.Estimate, adjusted.Estimate, 12);
        Assert.Equal(plain.Variance, adjusted.Variance, 12);
    }

    [Fact]
    public void Strongly_correlated_covariate_shrinks_the_standard_error()
    {
        // Control units had X = Y before the experiment, treatment units X = 0.9·Y: θ ≈ 1 and most variance goes.
        var control = Samples.SequentialControl with { Covariate = new CupedCovariate(1396.87, 52377.9767, 52377.9767) };
        var treatment = Samples.SequentialTreatment with { Covariate = new CupedCovariate(2422.7 * 0.9, 134698.29 * 0.81, 134698.29 * 0.9) };

        var adjusted = EffectMoments.Between(control, treatment, Difference.Absolute);
        var plain = EffectMoments.Between(Samples.SequentialControl, Samples.SequentialTreatment, Difference.Absolute);

        Assert.True(adjusted.StandardError < plain.StandardError / 2, $"{adjusted.StandardError} vs {plain.StandardError}");
    }
}
