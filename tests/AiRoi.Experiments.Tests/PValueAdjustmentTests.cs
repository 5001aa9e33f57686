using AiRoi.Experiments.Analysis;

namespace AiRoi.Experiments.Tests;

public class PValueAdjustmentTests
{
    private static PValueAdjustmentRequest Request(PValueAdjustmentMethod? method, params double[] pValues) =>
        new() { Method = method, PValues = pValues };

    [Fact]
    public void Holm_matches_reference_in_input_order()
    {
        var response = Answer.Ok(Handled.AdjustPValues(Request(PValueAdjustmentMethod.Holm, 0.01, 0.04, 0.03, 0.005, 0.55, 0.6)));

        double[] expected = [0.05, 0.12, 0.12, 0.03, 1, 1];
        Assert.Equal(expected.Length, response.Adjusted.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Answer.Close(expected[i], response.Adjusted[i]);
        }
    }

    [Fact]
    public void Benjamini_hochberg_matches_reference_in_input_order()
    {
        var response = Answer.Ok(Handled.AdjustPValues(
            Request(PValueAdjustmentMethod.BenjaminiHochberg, 0.898, 0.138, 0.007, 0.964, 0.538, 0.006, 0.138)));

        double[] expected = [0.964, 0.2415, 0.0245, 0.964, 0.7532, 0.0245, 0.2415];
        Assert.Equal(expected.Length, response.Adjusted.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Answer.Close(expected[i], response.Adjusted[i]);
        }
    }

    [Fact]
    public void A_missing_method_is_refused() =>
        Answer.Problem(Handled.AdjustPValues(Request(null, 0.1)), "missing-field", "method");

    [Fact]
    public void Missing_p_values_are_refused() =>
        Answer.Problem(Handled.AdjustPValues(new PValueAdjustmentRequest { Method = PValueAdjustmentMethod.Holm }), "missing-field", "pValues");

    [Fact]
    public void An_empty_list_is_refused() =>
        Answer.Problem(Handled.AdjustPValues(Request(PValueAdjustmentMethod.Holm)), "empty-list", "pValues");

    [Fact]
    public void More_than_the_limit_is_refused() =>
        Answer.Problem(
            Handled.AdjustPValues(Request(PValueAdjustmentMethod.Holm, Enumerable.Repeat(0.5, AnalysisLimits.MaxPValues + 1).ToArray())),
            "too-many-items",
            "pValues");

    [Fact]
    public void Exactly_the_limit_is_accepted() =>
        Assert.Equal(
            AnalysisLimits.MaxPValues,
            Answer.Ok(Handled.AdjustPValues(Request(PValueAdjustmentMethod.BenjaminiHochberg, Enumerable.Repeat(0.5, AnalysisLimits.MaxPValues).ToArray()))).Adjusted.Count);

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    public void A_p_value_outside_zero_to_one_is_refused(double pValue) =>
        Answer.Problem(Handled.AdjustPValues(Request(PValueAdjustmentMethod.Holm, 0.1, 0.2, pValue)), "out-of-range", "pValues[2]");
}
