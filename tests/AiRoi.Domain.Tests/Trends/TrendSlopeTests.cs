using AiRoi.Domain.Trends;

namespace AiRoi.Domain.Tests.Trends;

/// <summary>
/// The least-squares trend per period. Reference numbers from reference_values.py: the (weighted) fit as
/// β = (XᵀWX)⁻¹XᵀWy in mpmath, the t tail through the regularized incomplete beta.
/// </summary>
public class TrendSlopeTests
{
    private static readonly TrendPoint[] Rising =
    [
        new(0, 2.0), new(1, 2.9), new(2, 4.2), new(3, 4.8), new(4, 6.1), new(5, 7.0),
    ];

    /// <summary>A weekly exception rate with that week's number of events as weight.</summary>
    private static readonly TrendPoint[] WeeklyExceptionRate =
    [
        new(0, 0.10, 10), new(1, 0.12, 40), new(2, 0.11, 20), new(3, 0.15, 30), new(4, 0.16, 50),
    ];

    [Fact]
    public void An_unweighted_fit_matches_the_textbook_line_and_t_test()
    {
        // By hand: x̄ = 2.5, ȳ = 27/6 = 4.5, Sxx = 17.5, Sxy = 6.25 + 2.4 + 0.15 + 0.15 + 2.4 + 6.25 = 17.6,
        // slope = 17.6/17.5 = 1.0057142857…, intercept = 4.5 − 2.5·slope = 1.9857142857…; t(0.975, 4) = 2.7764451.
        var trend = TrendSlope.Fit(Rising)!;

        Approx.Equal(1.0057142857142857, trend.Slope, "slope");
        Approx.Equal(1.9857142857142857, trend.Intercept, "intercept");
        Approx.Equal(0.037688302737922644, trend.StandardError, "standard error");
        Approx.Equal(0.90107478205436773, trend.Low, "low");
        Approx.Equal(1.1103537893742036, trend.High, "high");
        Approx.Equal(1.1722603993793415e-5, trend.PValue, "p-value");
        Assert.Equal(6, trend.Points);
        Assert.True(trend.Significant);
    }

    [Fact]
    public void The_order_of_the_points_does_not_matter()
    {
        var forward = TrendSlope.Fit(Rising)!;
        var backward = TrendSlope.Fit(Rising.Reverse().ToArray())!;

        Approx.Equal(forward.Slope, backward.Slope, "slope");
        Approx.Equal(forward.StandardError, backward.StandardError, "standard error");
        Approx.Equal(forward.PValue, backward.PValue, "p-value");
    }

    [Fact]
    public void A_smaller_alpha_widens_the_interval_with_the_matching_t_quantile()
    {
        // t(0.995, 4) = 4.6040949 instead of 2.7764451; the p-value does not depend on alpha.
        var trend = TrendSlope.Fit(Rising, alpha: 0.01)!;

        Approx.Equal(0.83219376436873013, trend.Low, "low");
        Approx.Equal(1.1792348070598412, trend.High, "high");
        Approx.Equal(1.1722603993793415e-5, trend.PValue, "p-value");
    }

    [Fact]
    public void A_weighted_fit_lets_busy_weeks_pull_harder()
    {
        var trend = TrendSlope.Fit(WeeklyExceptionRate)!;

        Approx.Equal(0.014903846153846155, trend.Slope, "slope");
        Approx.Equal(0.099903846153846151, trend.Intercept, "intercept");
        Approx.Equal(0.0034198883161112954, trend.StandardError, "standard error");
        Approx.Equal(0.004020235217754836, trend.Low, "low");
        Approx.Equal(0.025787457089937474, trend.High, "high");
        Approx.Equal(0.022328406550340255, trend.PValue, "p-value");
        Assert.Equal(5, trend.Points);
        Assert.True(trend.Significant);
    }

    [Fact]
    public void Without_weights_the_same_weeks_give_the_ordinary_fit()
    {
        var trend = TrendSlope.Fit(WeeklyExceptionRate.Select(p => p with { Weight = 1 }).ToArray())!;

        Approx.Equal(0.015, trend.Slope, "slope");
        Approx.Equal(0.098, trend.Intercept, "intercept");
        Approx.Equal(0.0037859388972001819, trend.StandardError, "standard error");
        Approx.Equal(0.028715608406808907, trend.PValue, "p-value");
    }

    [Fact]
    public void Only_relative_weights_matter()
    {
        var counts = TrendSlope.Fit(WeeklyExceptionRate)!;
        var shares = TrendSlope.Fit(WeeklyExceptionRate.Select(p => p with { Weight = p.Weight / 150 }).ToArray())!;

        Approx.Equal(counts.Slope, shares.Slope, "slope");
        Approx.Equal(counts.StandardError, shares.StandardError, "standard error");
        Approx.Equal(counts.PValue, shares.PValue, "p-value");
    }

    [Fact]
    public void A_week_without_events_is_left_out()
    {
        var trend = TrendSlope.Fit([.. WeeklyExceptionRate, new TrendPoint(5, 0.9, 0)])!;

        Assert.Equal(5, trend.Points);
        Approx.Equal(0.014903846153846155, trend.Slope, "slope");
        Approx.Equal(0.022328406550340255, trend.PValue, "p-value");
    }

    [Fact]
    public void Noise_gives_a_slope_that_is_not_significant_and_an_interval_around_zero()
    {
        var trend = TrendSlope.Fit([new(0, 1), new(1, 3), new(2, 2), new(3, 1), new(4, 3), new(5, 2)])!;

        Approx.Equal(0.11428571428571429, trend.Slope, "slope");
        Approx.Equal(0.23211538298959887, trend.StandardError, "standard error");
        Approx.Equal(-0.53016990465686886, trend.Low, "low");
        Approx.Equal(0.75874133322829743, trend.High, "high");
        Approx.Equal(0.64826129496730701, trend.PValue, "p-value");
        Assert.False(trend.Significant);
    }

    [Fact]
    public void Points_exactly_on_a_sloped_line_give_zero_error_and_a_certain_trend()
    {
        // y = 0.1 + 0.3x, weighted unevenly. 0.1, 0.4, 0.7 and 1.3 are not exact in binary, so the computed
        // residuals come out around 1e-17 rather than 0; that is rounding, not evidence of scatter.
        var trend = TrendSlope.Fit([new(0, 0.1, 2), new(1, 0.4, 5), new(2, 0.7, 1), new(3, 1.0, 9), new(4, 1.3, 4)])!;

        Approx.Equal(0.3, trend.Slope, "slope");
        Approx.Equal(0.1, trend.Intercept, "intercept");
        Assert.Equal(0, trend.StandardError);
        Assert.Equal(trend.Slope, trend.Low);
        Assert.Equal(trend.Slope, trend.High);
        Assert.Equal(0, trend.PValue);
        Assert.True(trend.Significant);
    }

    [Fact]
    public void A_constant_series_is_flat_with_certainty_not_a_rounding_error_slope()
    {
        // 0.1 is not exact in binary; a weighted mean of it can land a hair off 0.1 and fake a tiny slope.
        var trend = TrendSlope.Fit([new(0, 0.1, 3), new(1, 0.1, 5), new(2, 0.1, 7), new(3, 0.1, 11)])!;

        Assert.Equal(0, trend.Slope);
        Assert.Equal(0.1, trend.Intercept);
        Assert.Equal(0, trend.StandardError);
        Assert.Equal(1, trend.PValue);
        Assert.False(trend.Significant);
    }

    public static TheoryData<string, TrendPoint[]> Unfittable => new()
    {
        { "no points", [] },
        { "two points", [new(0, 1), new(1, 2)] },
        { "three points, one without events", [new(0, 1), new(1, 2), new(2, 3, 0)] },
        { "one period repeated", [new(2, 1), new(2, 2), new(2, 4)] },
    };

    [Theory]
    [MemberData(nameof(Unfittable))]
    public void There_is_no_trend_without_three_weighted_points_at_two_or_more_periods(string because, TrendPoint[] points)
    {
        Assert.True(TrendSlope.Fit(points) is null, because);
    }

    public static TheoryData<string, TrendPoint?> Impossible => new()
    {
        { "null point", null },
        { "NaN value", new(3, double.NaN) },
        { "infinite period", new(double.PositiveInfinity, 1) },
        { "negative weight", new(3, 1, -1) },
        { "NaN weight", new(3, 1, double.NaN) },
    };

    [Theory]
    [MemberData(nameof(Impossible))]
    public void An_impossible_point_is_refused_by_its_index(string because, TrendPoint? point)
    {
        var error = Assert.Throws<ArgumentException>(() => TrendSlope.Fit([.. Rising.Take(3), point!]));

        Assert.True(error.Message.StartsWith("points[3]", StringComparison.Ordinal), because);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void Alpha_must_lie_strictly_between_zero_and_one(double alpha)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrendSlope.Fit(Rising, alpha));
    }
}
