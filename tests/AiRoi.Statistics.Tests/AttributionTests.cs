using AiRoi.Statistics.Attribution;

namespace AiRoi.Statistics.Tests;

/// <summary>Interrupted time series and difference-in-differences on series whose answer is known.</summary>
public class AttributionTests
{
    /// <summary>Small noise from a fixed seed, so that the fits have residuals without a pattern of their own.</summary>
    private static Func<double> Noise(int seed, double size)
    {
        var random = new Random(seed);
        return () => size * (random.NextDouble() - 0.5);
    }

    /// <summary>
    /// The worked example of docs/metrics.md: resolution time falls 0.2 minutes a week on its own; at go-live it
    /// steps down 4 minutes. Before/after credits the AI with 7 minutes; net of the trend it is 4.
    /// </summary>
    internal static List<SeriesPoint> FallingResolutionTime() =>
        Enumerable.Range(-20, 30)
            .Select(t => new SeriesPoint(t, 30 - 0.2 * t + (t >= 0 ? -4 : 0) + 0.5 * (t % 2 == 0 ? 1 : -1), 100))
            .ToList();

    [Fact]
    public void Worked_example_the_trend_before_go_live_is_not_credited_to_the_AI()
    {
        var series = FallingResolutionTime();
        var beforeAfter = series.Where(p => p.Period >= 0).Average(p => p.Value) - series.Where(p => p.Period < 0).Average(p => p.Value);

        var result = InterruptedTimeSeries.Analyze(series);

        Assert.Equal(-7.0, beforeAfter, 1);
        Assert.Null(result.Refusal);
        Assert.Equal(-4.0, result.Effect!.Value, 1);
        Assert.True(result.Effect.Low < -4 && -4 < result.Effect.High, $"{result.Effect.Low} .. {result.Effect.High}");
        Assert.True(result.Effect.High < 0);
        Assert.Equal(30, result.Counterfactual.Count);
        // Without the AI the trend would have carried on: 30 − 0.2·9 = 28.2 in the last week, not the 24.2 observed.
        Assert.Equal(28.2, result.Counterfactual[^1].Expected, 0);
        Assert.True(result.Counterfactual.All(point => point.Low <= point.Expected && point.Expected <= point.High));
    }

    [Fact]
    public void The_effect_over_a_stretch_of_weeks_follows_the_slope_change()
    {
        var noise = Noise(1, 0.1);
        var series = Enumerable.Range(-12, 24).Select(t => new SeriesPoint(t, 10 + (t >= 0 ? 1 + 0.5 * t : 0) + noise(), 50)).ToList();

        var model = InterruptedTimeSeries.Analyze(series).Model!;

        Assert.Equal(1 + 0.5 * 2, model.Over([(2, 1)])!.Value, tolerance: 0.05);
        Assert.Equal(1 + 0.5 * 10.5, model.Over([(10, 1), (11, 1)])!.Value, tolerance: 0.05);
        Assert.Null(model.Over([(3, 0)]));
    }

    [Fact]
    public void Fewer_than_eight_weeks_on_either_side_is_refused_with_the_reason()
    {
        var series = Enumerable.Range(-7, 20).Select(t => new SeriesPoint(t, 5, 10)).ToList();

        var result = InterruptedTimeSeries.Analyze(series);

        Assert.Equal("An interrupted time series needs at least 8 weeks with data before go-live and 8 after; there are 7 before and 13 after.", result.Refusal);
        Assert.Null(result.Effect);
    }

    [Fact]
    public void Weeks_without_tasks_do_not_count()
    {
        var series = Enumerable.Range(-10, 20).Select(t => new SeriesPoint(t, 5 + t % 2, t < -2 ? 10 : 0)).ToList();

        Assert.NotNull(InterruptedTimeSeries.Analyze(series).Refusal);
    }

    [Theory]
    [InlineData(double.NaN, 1, "series[3].value")]
    [InlineData(1, -1, "series[3].weight")]
    [InlineData(1, double.PositiveInfinity, "series[3].weight")]
    public void A_bad_point_is_refused_naming_it(double value, double weight, string field)
    {
        var series = Enumerable.Range(-10, 20).Select(t => new SeriesPoint(t, 1, 1)).ToList();
        series[3] = new SeriesPoint(series[3].Period, value, weight);

        var error = Assert.Throws<StatisticsInputException>(() => InterruptedTimeSeries.Analyze(series));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_period_given_twice_is_refused()
    {
        var series = Enumerable.Range(-10, 20).Select(t => new SeriesPoint(t, 1, 1)).ToList();
        series[5] = series[4];

        Assert.Equal("series[5].period", Assert.Throws<StatisticsInputException>(() => InterruptedTimeSeries.Analyze(series)).Field);
    }

    [Fact]
    public void A_level_shift_in_the_history_makes_the_placebo_fire()
    {
        // Something else moved the metric 20 weeks before go-live; the AI did nothing. With 40 weeks of history the
        // fake go-live dates are weeks −27, −20 and −13.
        var noise = Noise(2, 0.5);
        var series = Enumerable.Range(-40, 52).Select(t => new SeriesPoint(t, 20 + (t >= -20 ? 5 : 0) + noise(), 100)).ToList();

        var result = InterruptedTimeSeries.Analyze(series);

        Assert.Equal([-27, -20, -13], result.Placebo!.Periods);
        Assert.True(result.Placebo.Fired, $"adjusted p = {result.Placebo.AdjustedPValue}");
        Assert.False(result.ChecksPassed);
        Assert.Contains(result.Checks, check => check is { Name: "placebo", Passed: false });
    }

    [Fact]
    public void Difference_in_differences_takes_out_what_moved_the_control_too()
    {
        // A season lifts both; the AI lowers the treated use case by 3 from go-live.
        double Season(int t) => 4 * Math.Sin(2 * Math.PI * t / 52);
        var noise = Noise(3, 0.2);
        var control = Enumerable.Range(-20, 30).Select(t => new SeriesPoint(t, 40 + Season(t) + noise(), 300)).ToList();
        var treated = Enumerable.Range(-20, 30).Select(t => new SeriesPoint(t, 50 + Season(t) + (t >= 0 ? -3 : 0) + noise(), 200)).ToList();

        var result = DifferenceInDifferences.Analyze(treated, control);

        Assert.Equal(AttributionMethod.DifferenceInDifferences, result.Method);
        Assert.Equal(-3.0, result.Effect!.Value, 1);
        Assert.Contains(result.Checks, check => check is { Name: "parallel-trends", Passed: true });
        // The counterfactual is the control plus the gap it had before go-live: about 40 + 10 + season.
        Assert.Equal(50 + Season(9), result.Counterfactual[^1].Expected, 0);
    }

    [Fact]
    public void A_control_drifting_away_before_go_live_fails_the_parallel_trends_check()
    {
        var noise = Noise(4, 0.2);
        var control = Enumerable.Range(-20, 30).Select(t => new SeriesPoint(t, 40 + 0.5 * t + noise(), 300)).ToList();
        var treated = Enumerable.Range(-20, 30).Select(t => new SeriesPoint(t, 50 + noise(), 200)).ToList();

        var result = DifferenceInDifferences.Analyze(treated, control);

        var check = Assert.Single(result.Checks, check => check.Name == "parallel-trends");
        Assert.False(check.Passed);
        Assert.StartsWith("Before go-live the gap between the use case and the control drifted by", check.Detail);
    }

    [Fact]
    public void Difference_in_differences_needs_eight_common_weeks_on_each_side()
    {
        var control = Enumerable.Range(-20, 30).Select(t => new SeriesPoint(t, 40, 300)).ToList();
        var treated = Enumerable.Range(-5, 15).Select(t => new SeriesPoint(t, 50, 200)).ToList();

        var result = DifferenceInDifferences.Analyze(treated, control);

        Assert.Contains("there are 5 before and 10 after", result.Refusal);
    }
}

/// <summary>Whatever weekly series the product hands in, the methods answer finite figures or refuse; they never throw.</summary>
public class AttributionPropertyTests
{
    private static IEnumerable<List<SeriesPoint>> Series()
    {
        var random = new Random(42);
        for (var i = 0; i < 2_000; i++)
        {
            var before = random.Next(0, 40);
            var after = random.Next(0, 30);
            var shape = random.Next(6);
            yield return Enumerable.Range(-before, before + after)
                .Where(_ => random.Next(5) > 0 || shape != 0)
                .Select(t => new SeriesPoint(t, shape switch
                {
                    1 => 3.0,                                   // constant
                    2 => t >= 0 ? 1 : 0,                        // a pure step, no noise
                    3 => random.Next(2),                        // a rate of 0 or 1 from a single task
                    4 => 1e6 * random.NextDouble(),             // large values
                    _ => 10 + t * 0.1 + random.NextDouble(),
                }, shape == 3 ? 1 : random.Next(0, 3) == 0 ? 0 : random.Next(1, 1000)))
                .ToList();
        }
    }

    [Fact]
    public void Every_figure_is_finite_or_the_method_refuses()
    {
        foreach (var series in Series())
        {
            var control = series.Select(point => point with { Value = point.Value * 0.9 + 1 }).ToList();
            foreach (var result in new[] { InterruptedTimeSeries.Analyze(series), DifferenceInDifferences.Analyze(series, control) })
            {
                if (result.Refusal is not null)
                {
                    Assert.Null(result.Effect);
                    continue;
                }
                var figures = new[] { result.Effect!.Value, result.Effect.StandardError, result.Effect.Low, result.Effect.High, result.Effect.PValue }
                    .Concat(result.Counterfactual.SelectMany(point => new[] { point.Expected, point.Low, point.High }));
                Assert.All(figures, figure => Assert.True(double.IsFinite(figure), $"{figure} in {result.Method} of {series.Count} weeks"));
            }
        }
    }
}
