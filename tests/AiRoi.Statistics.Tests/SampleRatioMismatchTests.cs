using MathNet.Numerics.Distributions;

namespace AiRoi.Statistics.Tests;

public class SampleRatioMismatchTests
{
    [Fact]
    public void Threshold_is_one_in_a_thousand()
    {
        Assert.Equal(0.001, SampleRatioMismatch.Threshold);
    }

    [Fact]
    public void Chance_imbalance_is_not_flagged()
    {
        // χ² = 2 × 100²/5100 = 3.9216 with one degree of freedom.
        var check = SampleRatioMismatch.Check([5000, 5200], [0.5, 0.5]);

        Assert.Equal(3.92157, check.ChiSquare, 5);
        Assert.Equal(1, check.DegreesOfFreedom);
        Assert.Equal(1 - ChiSquared.CDF(1, check.ChiSquare), check.PValue, 10);
        Assert.InRange(check.PValue, 0.04, 0.06);
        Assert.False(check.IsMismatch);
    }

    [Fact]
    public void Counts_whose_sum_exceeds_a_long_are_checked_without_overflow()
    {
        var check = SampleRatioMismatch.Check([long.MaxValue / 2 + 1, long.MaxValue / 2 + 1], [0.5, 0.5]);

        Assert.Equal(0, check.ChiSquare, 10);
        Assert.False(check.IsMismatch);
    }

    [Fact]
    public void Broken_split_is_flagged()
    {
        var check = SampleRatioMismatch.Check([5000, 5400], [0.5, 0.5]);

        Assert.True(check.PValue < SampleRatioMismatch.Threshold);
        Assert.True(check.IsMismatch);
    }

    [Fact]
    public void Unequal_weights_are_respected()
    {
        var proportional = SampleRatioMismatch.Check([2000, 8000], [0.2, 0.8]);
        var equalAssumed = SampleRatioMismatch.Check([2000, 8000], [0.5, 0.5]);

        Assert.Equal(0, proportional.ChiSquare, 10);
        Assert.False(proportional.IsMismatch);
        Assert.True(equalAssumed.IsMismatch);
    }

    [Fact]
    public void Three_variants_have_two_degrees_of_freedom()
    {
        var check = SampleRatioMismatch.Check([1000, 1000, 1100], [1 / 3.0, 1 / 3.0, 1 / 3.0]);

        Assert.Equal(2, check.DegreesOfFreedom);
        Assert.Equal(1 - ChiSquared.CDF(2, check.ChiSquare), check.PValue, 10);
    }

    [Fact]
    public void Tiny_p_values_keep_their_precision()
    {
        // 1 − CDF would round to exactly zero here.
        var check = SampleRatioMismatch.Check([50_000, 60_000], [0.5, 0.5]);

        Assert.True(check.PValue > 0 && check.PValue < 1e-100);
    }
}
