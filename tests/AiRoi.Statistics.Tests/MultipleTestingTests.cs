namespace AiRoi.Statistics.Tests;

public class MultipleTestingTests
{
    [Fact]
    public void Holm_matches_reference_in_input_order()
    {
        var adjusted = MultipleTesting.Holm([0.01, 0.04, 0.03, 0.005, 0.55, 0.6]);

        double[] expected = [0.05, 0.12, 0.12, 0.03, 1, 1];
        Assert.Equal(expected.Length, adjusted.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            OracleAssert.Close(expected[i], adjusted[i]);
        }
    }

    [Fact]
    public void Benjamini_Hochberg_matches_reference_in_input_order()
    {
        var adjusted = MultipleTesting.BenjaminiHochberg([0.898, 0.138, 0.007, 0.964, 0.538, 0.006, 0.138]);

        double[] expected = [0.964, 0.2415, 0.0245, 0.964, 0.7532, 0.0245, 0.2415];
        Assert.Equal(expected.Length, adjusted.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            OracleAssert.Close(expected[i], adjusted[i]);
        }
    }

    [Fact]
    public void A_single_p_value_is_left_as_it_is()
    {
        Assert.Equal([0.03], MultipleTesting.Holm([0.03]));
        Assert.Equal([0.03], MultipleTesting.BenjaminiHochberg([0.03]));
    }

    [Fact]
    public void No_p_values_give_no_adjustments()
    {
        Assert.Empty(MultipleTesting.Holm([]));
        Assert.Empty(MultipleTesting.BenjaminiHochberg([]));
    }
}
