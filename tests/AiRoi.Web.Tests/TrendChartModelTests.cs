using AiRoi.Domain.Annotations;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Rollups;
using AiRoi.Web.Components.UseCases;

namespace AiRoi.Web.Tests;

public sealed class TrendChartModelTests
{
    private static readonly DateOnly Monday = new(2026, 9, 7);

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

        var model = TrendChartModel.Build(Weeks(10, 9, 8, 7), 12, 5, []).WithCounterfactual(attribution);

        // Weeks 0 and 1 after go-live are on the chart (weeks 3 and 4 of the chart's four); the history and the weeks beyond it are not drawn.
        Assert.Equal(["2026-09-21", "2026-09-28"], model.Counterfactual.Select(point => point.Period));
        Assert.Equal((6.0, 5.5, 6.5), (model.Counterfactual[0].Expected, model.Counterfactual[0].Low, model.Counterfactual[0].High));
        Assert.Empty(TrendChartModel.Build(Weeks(10, 9, 8, 7), 12, 5, []).WithCounterfactual(attribution with { Refusal = "Too short." }).Counterfactual);
    }

    [Fact]
    public void An_annotation_sits_on_the_week_that_contains_its_date()
    {
        var model = TrendChartModel.Build(Weeks(10, 9, 8, 7), baseline: 12, target: 5, [On(Monday.AddDays(9), "Prompt v4")]);

        var marker = Assert.Single(model.Markers);
        Assert.Equal("2026-09-14", marker.Point.Period);
        Assert.Equal(9, marker.Point.Value);
        Assert.Equal((12.0, 5.0), (model.Baseline!.Value, model.Target!.Value));
        Assert.Empty(model.Unplaced);
    }

    [Fact]
    public void Annotations_outside_the_charted_weeks_or_in_a_week_without_a_figure_are_listed_not_misplaced()
    {
        var model = TrendChartModel.Build(Weeks(10, null, 8),
            baseline: null, target: null,
            [On(Monday.AddDays(-1), "Before"), On(Monday.AddDays(8), "Empty week"), On(Monday.AddDays(14), "Last week"), On(Monday.AddDays(21), "After")]);

        Assert.Equal(["Last week"], model.Markers.Select(marker => marker.Annotation.Title).ToArray());
        Assert.Equal(["Before", "Empty week", "After"], model.Unplaced.Select(annotation => annotation.Title).ToArray());
        Assert.Equal(["2026-09-07", "2026-09-21"], model.Points.Select(point => point.Period).ToArray());
    }

    [Fact]
    public void No_series_draws_nothing()
    {
        var model = TrendChartModel.Build(null, 1, 2, [On(Monday, "Anything")]);

        Assert.Empty(model.Points);
        Assert.Empty(model.Markers);
        Assert.Single(model.Unplaced);
    }
}
