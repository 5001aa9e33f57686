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
