using AiRoi.Domain.Annotations;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Rollups;
using AiRoi.Web.Components.Charts;
using AiRoi.Web.Display;

namespace AiRoi.Web.Components.UseCases;

/// <summary>One period of a trend chart, drawn at the middle of <c>[Start, End)</c>.</summary>
/// <param name="Start">The period's first day.</param>
/// <param name="End">The day after its last day.</param>
/// <param name="Value">The metric's figure over the period.</param>
/// <param name="N">Events the figure rests on.</param>
/// <param name="Partial">The period is not over yet: its figure may still change, so it is drawn hollow.</param>
public sealed record TrendPoint(DateOnly Start, DateOnly End, double Value, long N, bool Partial)
{
    /// <summary>The period's first day as the data table shows it.</summary>
    public string Period => Figures.Day(Start);
}

/// <summary>One week of what the metric would have been without the AI, with its 95 % band.</summary>
/// <param name="Start">The week's first day.</param>
/// <param name="End">The day after its last day.</param>
/// <param name="Expected">The metric without the AI.</param>
/// <param name="Low">Lower end of the band.</param>
/// <param name="High">Upper end of the band.</param>
public sealed record CounterfactualPoint(DateOnly Start, DateOnly End, double Expected, double Low, double High);

/// <summary>
/// What a trend chart draws: the periods that have a figure (the current one marked partial), the baseline and target
/// as horizontal lines, and each annotation at its own date. Annotations outside the charted time are kept apart
/// (listed beside the chart), because a marker at the edge would date them wrongly.
/// </summary>
/// <param name="Points">The periods with a figure, oldest first.</param>
/// <param name="Baseline">The pre-AI baseline, if any.</param>
/// <param name="Target">The nearest target's value, if any.</param>
/// <param name="Markers">The annotations within the charted time, by date.</param>
/// <param name="Unplaced">The annotations outside it.</param>
/// <param name="Time">The charted time: from the first period's start to the last one's end; null without periods.</param>
public sealed record TrendChartModel(
    IReadOnlyList<TrendPoint> Points, double? Baseline, double? Target, IReadOnlyList<Annotation> Markers, IReadOnlyList<Annotation> Unplaced, TimeAxis? Time)
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
        var shown = Points.Select(point => point.Start).ToHashSet();
        return this with
        {
            Counterfactual = attribution.Counterfactual
                .Where(week => week.WeekStart >= firstWeek && shown.Contains(week.WeekStart))
                .Select(week => new CounterfactualPoint(week.WeekStart, week.WeekStart.AddDays(7), week.Expected, week.Low, week.High))
                .ToList(),
        };
    }

    /// <summary>
    /// The model of <paramref name="series"/> against a baseline, a target and the use case's annotations; periods
    /// that end after <paramref name="today"/> are partial.
    /// </summary>
    public static TrendChartModel Build(MetricSeries? series, double? baseline, double? target, IReadOnlyList<Annotation> annotations, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var periods = (series?.Points ?? []).OrderBy(point => point.PeriodStart).ToList();
        var granularity = series?.Granularity ?? Granularity.Week;
        var points = periods
            .Where(period => period.Value is { } value && double.IsFinite(value))
            .Select(period =>
            {
                var end = Periods.EndOf(period.PeriodStart, granularity);
                return new TrendPoint(period.PeriodStart, end, period.Value!.Value, period.N, Partial: end > today);
            })
            .ToList();
        var time = periods.Count == 0 ? null : new TimeAxis(periods[0].PeriodStart, Periods.EndOf(periods[^1].PeriodStart, granularity));
        var ordered = annotations.OrderBy(annotation => annotation.Date).ToList();
        bool Charted(Annotation annotation) => time is not null && annotation.Date >= time.From && annotation.Date < time.Until;
        return new(points, baseline, target, ordered.Where(Charted).ToList(), ordered.Where(annotation => !Charted(annotation)).ToList(), time);
    }
}
