using AiRoi.Domain.Annotations;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Rollups;
using AiRoi.Web.Components.Charts;
using AiRoi.Web.Components.UseCases;

namespace AiRoi.Web.Tests;

public sealed class TrendChartModelTests
{
    private static readonly DateOnly Monday = new(2026, 9, 7);

    /// <summary>A day well after every week of <see cref="Weeks"/>: none is partial.</summary>
    private static readonly DateOnly Later = new(2027, 1, 1);

    private static MetricSeries Weeks(params double?[] values) => new("costPerTask", Granularity.Week, "overall",
        values.Select((value, index) => new MetricPoint(Monday.AddDays(7 * index), value, value is null ? 0 : 10, null, null)).ToList(),
        new MetricPoint(Monday, 1, 10, null, null));

    private static Annotation On(DateOnly date, string title) => new(1, date, AnnotationKind.PromptChange, title, null, "web", DateTimeOffset.UtcNow);

    [Fact]
    public void The_counterfactual_is_drawn_over_the_charted_weeks_since_go_live_only()
    {
        var goLive = Monday.AddDays(14);
        var attribution = new AiRoi.Domain.Attribution.MetricAttribution("costPerTask", AiRoi.Statistics.Attribution.AttributionMethod.InterruptedTimeSeries, null, goLive)
        {
            Counterfactual = Enumerable.Range(-2, 6).Select(week => new AiRoi.Domain.Attribution.CounterfactualWeek(goLive.AddDays(7 * week), 5, 6, 5.5, 6.5)).ToList(),
        };

        var model = TrendChartModel.Build(Weeks(10, 9, 8, 7), 12, 5, [], Later).WithCounterfactual(attribution);

        // Weeks 0 and 1 after go-live are on the chart (weeks 3 and 4 of the chart's four); the history and the weeks beyond it are not drawn.
        Assert.Equal([new DateOnly(2026, 9, 21), new DateOnly(2026, 9, 28)], model.Counterfactual.Select(point => point.Start));
        Assert.Equal((6.0, 5.5, 6.5), (model.Counterfactual[0].Expected, model.Counterfactual[0].Low, model.Counterfactual[0].High));
        Assert.Empty(TrendChartModel.Build(Weeks(10, 9, 8, 7), 12, 5, [], Later).WithCounterfactual(attribution with { Refusal = "Too short." }).Counterfactual);
    }

    [Fact]
    public void Annotations_within_the_charted_time_are_placed_at_their_date_even_in_a_week_without_a_figure()
    {
        var model = TrendChartModel.Build(Weeks(10, null, 8),
            baseline: null, target: null,
            [On(Monday.AddDays(-1), "Before"), On(Monday.AddDays(8), "Empty week"), On(Monday.AddDays(20), "Last day"), On(Monday.AddDays(21), "After")], Later);

        Assert.Equal(["Empty week", "Last day"], model.Markers.Select(annotation => annotation.Title));
        Assert.Equal(["Before", "After"], model.Unplaced.Select(annotation => annotation.Title));
        Assert.Equal([Monday, Monday.AddDays(14)], model.Points.Select(point => point.Start));
        Assert.Equal(new TimeAxis(Monday, Monday.AddDays(21)), model.Time);
    }

    [Fact]
    public void A_period_that_ends_after_today_is_partial()
    {
        var model = TrendChartModel.Build(Weeks(10, 9, 8), null, null, [], today: Monday.AddDays(15));

        Assert.Equal([false, false, true], model.Points.Select(point => point.Partial));
        // A week that ended yesterday is complete.
        Assert.All(TrendChartModel.Build(Weeks(10, 9, 8), null, null, [], today: Monday.AddDays(21)).Points, point => Assert.False(point.Partial));
    }

    [Fact]
    public void No_series_draws_nothing()
    {
        var model = TrendChartModel.Build(null, 1, 2, [On(Monday, "Anything")], Later);

        Assert.Empty(model.Points);
        Assert.Empty(model.Markers);
        Assert.Single(model.Unplaced);
        Assert.Null(model.Time);
    }
}
