namespace AiRoi.Statistics.Tests;

public class FrequentistOracleTests
{
    [Fact]
    public void Mean_metric_relative_difference_matches_reference()
    {
        var effect = EffectMoments.Between(Samples.FixedControl, Samples.FixedTreatment, Difference.Relative);
        var lift = FrequentistTest.Analyze(effect);

        OracleAssert.Close(0.70732, lift.Estimate);
        OracleAssert.Close(0.37879, lift.StandardError);
        OracleAssert.Close(-0.03526, lift.CiLower);
        OracleAssert.Close(1.44989, lift.CiUpper);
        OracleAssert.Close(0.06191, lift.PValue);
    }

    [Fact]
    public void Mean_metric_absolute_difference_matches_reference()
    {
        var effect = EffectMoments.Between(Samples.FixedControl, Samples.FixedTreatment, Difference.Absolute);
        var lift = FrequentistTest.Analyze(effect);

        OracleAssert.Close(0.29, lift.Estimate);
        OracleAssert.Close(0.12478, lift.StandardError);
        OracleAssert.Close(0.04538, lift.CiLower);
        OracleAssert.Close(0.53462, lift.CiUpper);
        OracleAssert.Close(0.02016, lift.PValue);
    }

    [Fact]
    public void Proportion_relative_difference_matches_reference()
    {
        var effect = EffectMoments.Between(new ProportionStatistic(28, 14), new ProportionStatistic(30, 16), Difference.Relative);
        var lift = FrequentistTest.Analyze(effect);

        OracleAssert.Close(0.06667, lift.Estimate);
        OracleAssert.Close(0.2717, lift.StandardError);
        OracleAssert.Close(-0.47767, lift.CiLower);
        OracleAssert.Close(0.61101, lift.CiUpper);
        OracleAssert.Close(0.80707, lift.PValue);
    }

    [Fact]
    public void Welch_degrees_of_freedom_stay_between_the_smaller_arm_and_the_pooled_count()
    {
        var effect = EffectMoments.Between(Samples.FixedControl, Samples.FixedTreatment, Difference.Absolute);

        Assert.InRange(effect.DegreesOfFreedom, 3406, 3407 + 3461 - 2);
    }

    [Fact]
    public void Wider_alpha_gives_a_narrower_interval()
    {
        var effect = EffectMoments.Between(Samples.FixedControl, Samples.FixedTreatment, Difference.Absolute);

        var at95 = FrequentistTest.Analyze(effect, 0.05);
        var at80 = FrequentistTest.Analyze(effect, 0.20);

        Assert.True(at80.CiUpper - at80.CiLower < at95.CiUpper - at95.CiLower);
        Assert.Equal(at95.PValue, at80.PValue);
    }
}
