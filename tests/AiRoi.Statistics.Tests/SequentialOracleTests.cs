namespace AiRoi.Statistics.Tests;

public class SequentialOracleTests
{
    [Fact]
    public void Rho_for_alpha_five_percent_and_default_tuning_matches_reference()
    {
        OracleAssert.Close(0.039840, SequentialTest.Rho(0.05, 5000), 6);
    }

    [Fact]
    public void Proportion_relative_difference_matches_reference()
    {
        var effect = EffectMoments.Between(new ProportionStatistic(3000, 1396), new ProportionStatistic(3461, 2422), Difference.Relative);
        var lift = SequentialTest.Analyze(effect, 0.05, 5000);

        OracleAssert.Close(0.50386, lift.Estimate);
        OracleAssert.Close(0.03386, lift.StandardError);
        OracleAssert.Close(0.40098, lift.CiLower);
        OracleAssert.Close(0.60675, lift.CiUpper);
    }

    [Fact]
    public void Mean_relative_difference_with_tuning_1000_matches_reference()
    {
        var effect = EffectMoments.Between(Samples.SequentialControl, Samples.SequentialTreatment, Difference.Relative);
        var lift = SequentialTest.Analyze(effect, 0.05, 1000);

        OracleAssert.Close(0.50336, lift.Estimate);
        OracleAssert.Close(-0.55844, lift.CiLower);
        OracleAssert.Close(1.56516, lift.CiUpper);
    }

    [Fact]
    public void Always_valid_interval_is_wider_than_the_fixed_horizon_one()
    {
        var effect = EffectMoments.Between(Samples.SequentialControl, Samples.SequentialTreatment, Difference.Relative);

        var sequential = SequentialTest.Analyze(effect);
        var fixedHorizon = FrequentistTest.Analyze(effect);

        Assert.True(sequential.CiUpper - sequential.CiLower > fixedHorizon.CiUpper - fixedHorizon.CiLower);
        Assert.True(sequential.PValue > fixedHorizon.PValue);
    }

    [Fact]
    public void Default_tuning_is_five_thousand()
    {
        var effect = EffectMoments.Between(Samples.SequentialControl, Samples.SequentialTreatment, Difference.Relative);

        Assert.Equal(SequentialTest.Analyze(effect, 0.05, 5000), SequentialTest.Analyze(effect));
        Assert.Equal(5000, SequentialTest.DefaultTuning);
    }
}
