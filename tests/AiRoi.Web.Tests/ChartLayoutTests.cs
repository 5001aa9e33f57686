using AiRoi.Domain.Annotations;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Rollups;
using AiRoi.Web.Components.Charts;
using AiRoi.Web.Components.UseCases;
using AiRoi.Web.Display;

namespace AiRoi.Web.Tests;

public sealed class ChartLayoutTests
{
    [Fact]
    public void A_loss_is_a_bar_left_of_the_zero_line_and_a_gain_one_right_of_it_with_lengths_in_proportion()
    {
        var layout = BarChartLayout.Of(
        [
            new BarItem("Gain", 3000, 2000, 4000, "ROI 50.0 %"),
            new BarItem("Loss", -1000, -1500, -500, "ROI -20.0 %"),
        ], value => value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var zero = layout.X(0);
        var (gain, loss) = (layout.Bars[0], layout.Bars[1]);
        Assert.Equal(zero, gain.X, 9);
        Assert.Equal(zero, loss.X + loss.Width, 9);
        Assert.Equal(3.0, gain.Width / loss.Width, 9);
        Assert.True(gain.WhiskerFrom < gain.X + gain.Width && gain.WhiskerTo > gain.X + gain.Width);
        Assert.True(loss.Y > gain.Y);
        Assert.Contains(layout.Value.Ticks, tick => tick.Value == 0);
    }

    private static Annotation On(DateOnly date, string title) => new(1, date, AnnotationKind.PromptChange, title, null, "web", DateTimeOffset.UtcNow);

    /// <summary>A year of weekly points from Monday 1 December 2025.</summary>
    private static TrendChartModel Year(IReadOnlyList<Annotation> annotations, DateOnly today) => TrendChartModel.Build(
        new MetricSeries("fcrRate", Granularity.Week, "overall",
            Enumerable.Range(0, 53).Select(week => new MetricPoint(new DateOnly(2025, 12, 1).AddDays(7 * week), 0.6 + week / 250.0, 100, null, null)).ToList(),
            new MetricPoint(new DateOnly(2025, 12, 1), 0.7, 5300, null, null)),
        baseline: 0.55, target: 0.85, annotations, today);

    [Fact]
    public void An_annotation_sits_at_its_own_date_on_the_time_axis_not_at_a_period()
    {
        var layout = TrendChartLayout.Of(Year([On(new DateOnly(2026, 9, 2), "Prompt v4")], new DateOnly(2026, 12, 3)), value => Figures.Percent(value));

        var marker = Assert.Single(layout.Markers);
        var september = layout.X(new DateOnly(2026, 9, 1));
        var october = layout.X(new DateOnly(2026, 10, 1));
        // One day into September's 30 days.
        Assert.Equal(september + (october - september) / 30, marker.X, 6);
        // And the axis spreads days evenly: 2 September is 1/7 of the way through the week of 1 September... from its Monday, 31 August.
        Assert.Equal(layout.X(new DateOnly(2026, 8, 31)) + 2 * (layout.X(new DateOnly(2026, 9, 7)) - layout.X(new DateOnly(2026, 8, 31))) / 7, marker.X, 6);
    }

    [Fact]
    public void A_period_is_drawn_at_its_middle()
    {
        var layout = TrendChartLayout.Of(Year([], new DateOnly(2027, 1, 1)), value => Figures.Percent(value));

        Assert.Equal((layout.X(new DateOnly(2025, 12, 1)) + layout.X(new DateOnly(2025, 12, 8))) / 2, layout.X(new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 8)), 6);
    }

    [Fact]
    public void Labels_that_would_overlap_go_to_separate_rows_and_the_plot_starts_below_them()
    {
        var layout = TrendChartLayout.Of(Year(
            [On(new DateOnly(2026, 3, 2), "Prompt v3 with retrieval"), On(new DateOnly(2026, 3, 9), "Model upgrade"), On(new DateOnly(2026, 9, 2), "Prompt v4")],
            new DateOnly(2027, 1, 1)), value => Figures.Percent(value));

        Assert.Equal([0, 1, 0], layout.Markers.Select(marker => marker.Row));
        Assert.True(layout.Top > layout.RowY(1), "the plot starts below the second row of labels");
        foreach (var row in layout.Markers.GroupBy(marker => marker.Row))
        {
            var spans = row.Select(marker => (Start: marker.X, End: marker.X + marker.Label.Length * TrendChartLayout.CharacterWidth)).OrderBy(span => span.Start).ToList();
            Assert.All(spans.Zip(spans.Skip(1)), pair => Assert.True(pair.First.End < pair.Second.Start, "labels in one row overlap"));
        }
    }

    [Fact]
    public void The_left_margin_fits_the_longest_value_label_and_the_axis_covers_baseline_and_target()
    {
        var layout = TrendChartLayout.Of(Year([], new DateOnly(2027, 1, 1)), value => Figures.Percent(value));

        Assert.True(layout.Value.Min <= 0.55 && layout.Value.Max >= 0.85);
        var longest = layout.Value.Ticks.Max(tick => tick.Label.Length);
        Assert.True(layout.Left - 6 >= longest * TrendChartLayout.CharacterWidth, $"labels of {longest} characters need room left of {layout.Left}");
        Assert.Contains(layout.Value.Ticks, tick => tick.Label == "80.0 %");
    }

    [Theory]
    [InlineData(0.0, 1.0, 0.25)]
    [InlineData(3.0, 97.0, 25.0)]
    [InlineData(0.42, 0.47, 0.02)]
    [InlineData(1200.0, 1200.0, 100.0)]
    public void Value_ticks_are_round_and_cover_every_value(double low, double high, double step)
    {
        var axis = ValueAxis.Fit([low, high], value => value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(axis.Min <= low && axis.Max >= high);
        Assert.Equal(step, axis.Ticks[1].Value - axis.Ticks[0].Value, 9);
        Assert.InRange(axis.Ticks.Count, 3, 7);
    }

    [Fact]
    public void Columns_stack_from_zero_and_the_period_not_over_is_partial()
    {
        var starts = Enumerable.Range(0, 3).Select(day => new DateOnly(2026, 12, 1).AddDays(day)).ToList();
        var periods = ColumnChartLayout.PeriodsOf(starts, day => day.AddDays(1), today: new DateOnly(2026, 12, 3), day => Figures.Day(day));
        var layout = ColumnChartLayout.Of(periods, [new ColumnSeries("a", [1, 2, 3]), new ColumnSeries("b", [4, 0, 1])], ColumnChartLayout.Count);

        Assert.Equal([false, false, true], layout.Periods.Select(period => period.Partial));
        Assert.Equal(0, layout.Value.Min);
        var first = layout.Bars.Where(bar => bar.Period == 0).OrderBy(bar => bar.Series).ToList();
        Assert.Equal(layout.Y(0), first[0].Y + first[0].Height, 6);
        Assert.Equal(first[0].Y, first[1].Y + first[1].Height, 6);
        Assert.Equal(layout.Y(5), first[1].Y, 6);
        Assert.Equal(5, layout.Bars.Count); // b has nothing on the second day
    }
}
