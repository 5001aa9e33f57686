using AiRoi.Domain.Annotations;
using AiRoi.Domain.Reports;
using AiRoi.Web.Display;

namespace AiRoi.Web.Components.UseCases;

/// <summary>One period of a trend chart.</summary>
/// <param name="Period">The period's first day, as the axis labels it.</param>
/// <param name="Value">The metric's figure over the period.</param>
/// <param name="N">Events the figure rests on.</param>
public sealed record TrendPoint(string Period, double Value, long N);

/// <summary>One week of what the metric would have been without the AI, with its 95 % band.</summary>
/// <param name="Period">The week's first day, as the axis labels it.</param>
/// <param name="Expected">The metric without the AI.</param>
/// <param name="Low">Lower end of the band.</param>
/// <param name="High">Upper end of the band.</param>
public sealed record CounterfactualPoint(string Period, double Expected, double Low, double High);

/// <summary>An annotation placed on the period it falls in.</summary>
/// <param name="Point">The period's point, which the marker sits on.</param>
/// <param name="Annotation">What changed.</param>
public sealed record TrendMarker(TrendPoint Point, Annotation Annotation);

/// <summary>
/// What a trend chart draws: the periods that have a figure, the baseline and target as horizontal lines, and each
/// annotation as a marker on the period that contains its date. Annotations outside the charted periods are kept
/// apart (listed beside the chart), because a marker at the edge would date them wrongly.
/// </summary>
public sealed record TrendChartModel(
    IReadOnlyList<TrendPoint> Points, double? Baseline, double? Target, IReadOnlyList<TrendMarker> Markers, IReadOnlyList<Annotation> Unplaced)
{
    /// <summary>
    /// The counterfactual drawn over the weeks since go-live that the chart shows: what the metric would have been
    /// without the AI. Empty for monthly charts and where the attribution did not answer.
    /// </summary>
    public IReadOnlyList<CounterfactualPoint> Counterfactual { get; init; } = [];

    /// <summary>
    /// This model with the weeks of <paramref name="attribution"/> since go-live that are also on the chart; the chart
    /// must be weekly, since the counterfactual is by week.
    /// </summary>
    public TrendChartModel WithCounterfactual(AiRoi.Domain.Attribution.MetricAttribution? attribution)
    {
        if (attribution is not { Refusal: null, GoLive: { } goLive })
        {
            return this;
        }
        var firstWeek = AiRoi.Domain.Attribution.AttributionAnalysis.FirstWeek(goLive);
        var shown = Points.Select(point => point.Period).ToHashSet(StringComparer.Ordinal);
        return this with
        {
            Counterfactual = attribution.Counterfactual
                .Where(week => week.WeekStart >= firstWeek && shown.Contains(Figures.Day(week.WeekStart)))
                .Select(week => new CounterfactualPoint(Figures.Day(week.WeekStart), week.Expected, week.Low, week.High))
                .ToList(),
        };
    }

    /// <summary>The model of <paramref name="series"/> against a baseline, a target and the use case's annotations.</summary>
    public static TrendChartModel Build(MetricSeries? series, double? baseline, double? target, IReadOnlyList<Annotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var periods = (series?.Points ?? []).OrderBy(point => point.PeriodStart).ToList();
        var points = new List<TrendPoint>();
        var byStart = new SortedList<DateOnly, TrendPoint>();
        foreach (var period in periods)
        {
            if (period.Value is { } value && double.IsFinite(value))
            {
                var point = new TrendPoint(Figures.Day(period.PeriodStart), value, period.N);
                points.Add(point);
                byStart[period.PeriodStart] = point;
            }
        }

        var markers = new List<TrendMarker>();
        var unplaced = new List<Annotation>();
        // The last period starts at its start; it ends where a following period would start (same length as the one before).
        var end = periods.Count switch
        {
            0 => DateOnly.MinValue,
            1 => periods[0].PeriodStart.AddDays(series!.Granularity switch
            {
                AiRoi.Domain.Rollups.Granularity.Day => 1,
                AiRoi.Domain.Rollups.Granularity.Week => 7,
                AiRoi.Domain.Rollups.Granularity.Month => 31,
                _ => 92,
            }),
            _ => periods[^1].PeriodStart.AddDays(periods[^1].PeriodStart.DayNumber - periods[^2].PeriodStart.DayNumber),
        };
        foreach (var annotation in annotations.OrderBy(annotation => annotation.Date))
        {
            var containing = byStart.Keys.LastOrDefault(start => start <= annotation.Date);
            var inRange = periods.Count > 0 && annotation.Date >= periods[0].PeriodStart && annotation.Date < end;
            if (inRange && byStart.TryGetValue(containing, out var point) && NextStart(periods, containing) is var next && (next is null || annotation.Date < next))
            {
                markers.Add(new TrendMarker(point, annotation));
            }
            else
            {
                unplaced.Add(annotation);
            }
        }
        return new(points, baseline, target, markers, unplaced);
    }

    private static DateOnly? NextStart(List<MetricPoint> periods, DateOnly start)
    {
        var index = periods.FindIndex(period => period.PeriodStart == start);
        return index >= 0 && index + 1 < periods.Count ? periods[index + 1].PeriodStart : null;
    }
}
