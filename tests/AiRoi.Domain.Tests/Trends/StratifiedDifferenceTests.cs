using AiRoi.Domain.Trends;

namespace AiRoi.Domain.Tests.Trends;

/// <summary>
/// AI against people with the case mix held equal. Reference numbers from reference_values.py: pooled and
/// per-stratum means and variances in mpmath, the normal tail through erfc, z(0.975) = 1.959963984540054.
/// </summary>
public class StratifiedDifferenceTests
{
    /// <summary>
    /// First-contact resolution (0/1 per event, so SumOfSquares = Sum). The AI gets 80 of the 100 easy cases
    /// and 20 of the 100 hard ones; within each stratum it resolves exactly as often as people do (90% of easy
    /// cases, 50% of hard ones).
    /// </summary>
    private static readonly StratumMoments[] AiGetsTheEasyCases =
    [
        new("low", AiN: 80, AiSum: 72, AiSumOfSquares: 72, HumanN: 20, HumanSum: 18, HumanSumOfSquares: 18),
        new("high", AiN: 20, AiSum: 10, AiSumOfSquares: 10, HumanN: 80, HumanSum: 40, HumanSumOfSquares: 40),
    ];

    [Fact]
    public void Easy_cases_routed_to_the_ai_flatter_it_in_raw_terms_but_not_within_strata()
    {
        // Raw: AI 82/100 = 0.82, people 58/100 = 0.58, a "significant" 0.24 in the AI's favour.
        // Within strata: 0.9 − 0.9 and 0.5 − 0.5, weighted 100/200 each: exactly no difference.
        var comparison = StratifiedDifference.Compare(AiGetsTheEasyCases);

        var raw = comparison.Raw!;
        Approx.Equal(0.24, raw.Difference, "raw difference");
        Approx.Equal(0.062861078192432808, raw.StandardError, "raw standard error");
        Approx.Equal(0.11679455071347549, raw.Low, "raw low");
        Approx.Equal(0.36320544928652451, raw.High, "raw high");
        Approx.Equal(0.00013456912232362904, raw.PValue, "raw p-value");

        var stratified = comparison.Stratified!;
        Approx.Equal(0, stratified.Difference, "stratified difference");
        Approx.Equal(0.07449586282213881, stratified.StandardError, "stratified standard error");
        Approx.Equal(-0.14600920812862847, stratified.Low, "stratified low");
        Approx.Equal(0.14600920812862847, stratified.High, "stratified high");
        Approx.Equal(1, stratified.PValue, "stratified p-value");

        Assert.Equal(
            [new StratumDifference("low", 0.9, 0.9, 0, 0.5, 80, 20), new StratumDifference("high", 0.5, 0.5, 0, 0.5, 20, 80)],
            comparison.Strata);
        Assert.Equal(0, comparison.ExcludedEvents);
    }

    /// <summary>
    /// Handling minutes by complexity. The AI is half a minute to a minute faster within each usable stratum,
    /// but mostly handles quick low-complexity work, so the raw gap is over six minutes. The "expert" stratum
    /// has a single AI event, so no variance for it and no place in the stratified estimate.
    /// </summary>
    private static readonly StratumMoments[] HandlingMinutes =
    [
        // AI mean 4.5, variance (2790 − 540²/120)/119 = 360/119; people mean 5.0, variance (1160 − 1000)/39.
        new("low", 120, 540, 2790, 40, 200, 1160),
        // AI mean 8.0, variance (4380 − 3840)/59; people mean 8.5, variance (4830 − 4335)/59.
        new("medium", 60, 480, 4380, 60, 510, 4830),
        // AI mean 15.0, variance (2550 − 2250)/9; people mean 16.0, variance (25200 − 23040)/89.
        new("high", 10, 150, 2550, 90, 1440, 25200),
        new("expert", 1, 30, 900, 12, 420, 15000),
    ];

    [Fact]
    public void The_stratified_difference_weights_each_usable_stratum_by_its_share_of_the_events()
    {
        // Weights 160/380, 120/380, 100/380; difference = (160·−0.5 + 120·−0.5 + 100·−1)/380 = −240/380.
        var comparison = StratifiedDifference.Compare(HandlingMinutes, alpha: 0.10);

        var stratified = comparison.Stratified!;
        Approx.Equal(-240.0 / 380, stratified.Difference, "stratified difference");
        Approx.Equal(0.54892965111971964, stratified.StandardError, "stratified standard error");
        Approx.Equal(-1.5344878749538984, stratified.Low, "stratified low");
        Approx.Equal(0.27132998021705633, stratified.High, "stratified high");
        Approx.Equal(0.2499114613419497, stratified.PValue, "stratified p-value");

        Approx.Equal(160.0 / 380, comparison.Strata[0].Weight, "low weight");
        Approx.Equal(120.0 / 380, comparison.Strata[1].Weight, "medium weight");
        Approx.Equal(100.0 / 380, comparison.Strata[2].Weight, "high weight");
    }

    [Fact]
    public void The_raw_difference_pools_every_event_including_excluded_strata()
    {
        // AI: 191 events, sum 1200; people: 202 events, sum 2570; 1200/191 − 2570/202 = −6.44005.
        var raw = StratifiedDifference.Compare(HandlingMinutes, alpha: 0.10).Raw!;

        Approx.Equal(1200.0 / 191 - 2570.0 / 202, raw.Difference, "raw difference");
        Approx.Equal(0.64591227736902739, raw.StandardError, "raw standard error");
        Approx.Equal(-7.5024809162616479, raw.Low, "raw low");
        Approx.Equal(-5.3776186120157872, raw.High, "raw high");
        Approx.Equal(2.0525272085637522e-23, raw.PValue, "raw p-value");
    }

    [Fact]
    public void A_stratum_with_a_single_ai_event_is_reported_but_weighs_nothing()
    {
        var comparison = StratifiedDifference.Compare(HandlingMinutes);

        Assert.Equal(new StratumDifference("expert", 30, 35, -5, 0, 1, 12), comparison.Strata[3]);
        Assert.Equal(13, comparison.ExcludedEvents);
        Assert.Equal(["low", "medium", "high", "expert"], comparison.Strata.Select(s => s.Stratum));
    }

    [Fact]
    public void A_stratum_without_ai_events_has_no_ai_mean_and_no_difference()
    {
        var comparison = StratifiedDifference.Compare([.. AiGetsTheEasyCases, new("urgent", 0, 0, 0, 7, 5, 5)]);

        Assert.Equal(new StratumDifference("urgent", null, 5.0 / 7, null, 0, 0, 7), comparison.Strata[2]);
        Assert.Equal(7, comparison.ExcludedEvents);
        Approx.Equal(0, comparison.Stratified!.Difference, "stratified difference");
        Approx.Equal(0.5, comparison.Strata[0].Weight, "low weight");
    }

    [Fact]
    public void Without_a_stratum_where_both_groups_have_two_events_there_is_only_the_raw_difference()
    {
        var comparison = StratifiedDifference.Compare(
        [
            new("low", 1, 4, 16, 30, 150, 800),
            new("high", 1, 6, 36, 0, 0, 0),
        ]);

        // The raw difference still exists: AI 2 events with mean 10/2 = 5, people 30 with mean 150/30 = 5.
        Assert.Null(comparison.Stratified);
        Approx.Equal(0, comparison.Raw!.Difference, "raw difference");
        Assert.Equal(32, comparison.ExcludedEvents);
    }

    [Fact]
    public void Without_human_events_nothing_can_be_compared()
    {
        var comparison = StratifiedDifference.Compare([new("low", 50, 100, 250, 0, 0, 0)]);

        Assert.Null(comparison.Raw);
        Assert.Null(comparison.Stratified);
        Assert.Equal(50, comparison.ExcludedEvents);
    }

    [Fact]
    public void No_strata_give_no_estimates()
    {
        var comparison = StratifiedDifference.Compare([]);

        Assert.Null(comparison.Raw);
        Assert.Null(comparison.Stratified);
        Assert.Empty(comparison.Strata);
        Assert.Equal(0, comparison.ExcludedEvents);
    }

    [Fact]
    public void Constant_values_that_differ_are_a_certain_difference_with_a_zero_width_interval()
    {
        // Every AI event resolved (1), no human event did (0).
        var comparison = StratifiedDifference.Compare([new("low", 5, 5, 5, 4, 0, 0)]);

        Assert.Equal(new DifferenceEstimate(1, 0, 1, 1, 0), comparison.Raw);
        Assert.Equal(new DifferenceEstimate(1, 0, 1, 1, 0), comparison.Stratified);
    }

    [Fact]
    public void Equal_constant_values_are_no_difference_even_after_rounding()
    {
        // 0.1 summed 3 and 5 times gives means that differ in the last bit: rounding, not a certain difference.
        var comparison = StratifiedDifference.Compare([new("low", 3, 0.1 + 0.1 + 0.1, 0.03, 5, 0.1 + 0.1 + 0.1 + 0.1 + 0.1, 0.05)]);

        Assert.Equal(1, comparison.Raw!.PValue);
        Assert.Equal(1, comparison.Stratified!.PValue);
    }

    [Fact]
    public void A_stratum_without_a_name_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => StratifiedDifference.Compare([AiGetsTheEasyCases[0], new(" ", 3, 1, 1, 3, 1, 1)]));

        Assert.StartsWith("strata[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Impossible_moments_are_refused_naming_the_group()
    {
        var error = Assert.Throws<ArgumentException>(() => StratifiedDifference.Compare([AiGetsTheEasyCases[0] with { HumanSumOfSquares = -1 }]));

        Assert.StartsWith("strata[0].human", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.05)]
    public void Alpha_must_lie_strictly_between_zero_and_one(double alpha)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedDifference.Compare(AiGetsTheEasyCases, alpha));
    }
}
