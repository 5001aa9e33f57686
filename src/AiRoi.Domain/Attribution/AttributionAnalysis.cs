using System.Globalization;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.UseCases;
using AiRoi.Statistics;
using AiRoi.Statistics.Attribution;

namespace AiRoi.Domain.Attribution;

/// <summary>
/// Attributes a metric's change since go-live to the AI without an experiment: the use case's weekly series from
/// its roll-up, analysed as an interrupted time series, or, with a named control, as a difference-in-differences.
/// Complete weeks only; the week go-live falls in counts on neither side unless go-live is its Monday.
/// </summary>
public static class AttributionAnalysis
{
    /// <summary>Weeks of history before go-live the analysis reads: two years, the days a roll-up keeps by day.</summary>
    public const int HistoryWeeks = 104;

    /// <summary>Whether a metric is a weekly mean the methods can model (means, rates, NPS); sums, counts and percentiles are not.</summary>
    public static bool Supports(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Aggregation is Aggregation.Mean or Aggregation.Rate or Aggregation.NetPromoter;
    }

    /// <summary>The first week after go-live: the week of go-live when go-live is its Monday, else the next.</summary>
    public static DateOnly FirstWeek(DateOnly goLive)
    {
        var monday = Periods.StartOf(goLive, Granularity.Week);
        return monday == goLive ? monday : monday.AddDays(7);
    }

    /// <summary>The week's number counted from <see cref="FirstWeek"/> (0), negative before it.</summary>
    public static int WeekNumber(DateOnly weekStart, DateOnly firstWeek) => (weekStart.DayNumber - firstWeek.DayNumber) / 7;

    /// <summary>The attribution of <paramref name="metric"/>'s change at go-live, from the complete weeks before <paramref name="today"/>.</summary>
    /// <param name="useCase">The definition.</param>
    /// <param name="rollup">The metric state.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="today">The day the analysis is as of; the current week is left out.</param>
    /// <param name="control">The control of a difference-in-differences; null for an interrupted time series.</param>
    /// <param name="weeks">
    /// The roll-up's weekly cells in <c>[from, until)</c> for a filter; by default read from <paramref name="rollup"/>
    /// each time, and remembered by a caller that analyses several metrics over the same weeks.
    /// </param>
    public static MetricAttribution Analyze(
        UseCase useCase, UseCaseRollup rollup, MetricDefinition metric, DateOnly today, AttributionControl? control,
        Func<DateOnly, DateOnly, CellFilter, SortedDictionary<DateOnly, MetricCell>>? weeks = null)
    {
        ArgumentNullException.ThrowIfNull(useCase);
        ArgumentNullException.ThrowIfNull(rollup);
        ArgumentNullException.ThrowIfNull(metric);
        var method = control is null ? AttributionMethod.InterruptedTimeSeries : AttributionMethod.DifferenceInDifferences;
        var answer = new MetricAttribution(metric.Key, method, control?.Name, useCase.AiGoLiveDate);
        if (!Supports(metric))
        {
            return Refused(answer, $"{metric.Name} is not a weekly mean: attribution models the mean per task, so ask for a mean, a rate or NPS (e.g. the mean rather than a percentile).");
        }
        if (useCase.AiGoLiveDate is not { } goLive)
        {
            return Refused(answer, "The use case has no go-live date, so there is no before and after to compare.");
        }
        var firstWeek = FirstWeek(goLive);
        var until = Periods.StartOf(today, Granularity.Week);
        var from = firstWeek.AddDays(-7 * HistoryWeeks);
        var skipped = firstWeek == goLive ? (DateOnly?)null : Periods.StartOf(goLive, Granularity.Week);

        weeks ??= (start, end, filter) => rollup.Series(start, end, Granularity.Week, filter, momentsOnly: true);
        var treated = Weekly(rollup, weeks, metric, from, until, control).Where(week => week.Key != skipped)
            .Select(week => new SeriesPoint(WeekNumber(week.Key, firstWeek), week.Value.Mean, week.Value.Weight)).ToList();
        AttributionResult result;
        try
        {
            result = control is null
                ? InterruptedTimeSeries.Analyze(treated)
                : DifferenceInDifferences.Analyze(treated, ControlWeeks(rollup, weeks, metric, from, until, control)
                    .Where(week => week.Key != skipped)
                    .Select(week => new SeriesPoint(WeekNumber(week.Key, firstWeek), week.Value.Mean, week.Value.Weight)).ToList());
        }
        catch (StatisticsInputException exception)
        {
            return Refused(answer, $"The weekly series of {metric.Name} cannot be analysed: {exception.Message}");
        }
        if (result.Refusal is { } refusal)
        {
            return Refused(answer, refusal);
        }

        var before = treated.Where(point => point.Period < 0).ToList();
        var after = treated.Where(point => point.Period >= 0).ToList();
        var change = Mean(after) - Mean(before);
        var weeksSince = after.Count;
        return answer with
        {
            Effect = result.Effect,
            Model = result.Model,
            BeforeAfterChange = change,
            Counterfactual = result.Counterfactual
                .Select(point => new CounterfactualWeek(firstWeek.AddDays(7 * point.Period), point.Observed, point.Expected, point.Low, point.High))
                .ToList(),
            Placebo = result.Placebo,
            PlaceboWeeks = result.Placebo?.Periods.Select(period => firstWeek.AddDays(7 * period)).ToList() ?? [],
            Checks = result.Checks,
            Summary = Sentence(metric, result, change, weeksSince, control),
        };
    }

    /// <summary>The treated part's weekly mean and tasks: the whole use case, or all but the control segment.</summary>
    private static SortedDictionary<DateOnly, (double Mean, double Weight)> Weekly(
        UseCaseRollup rollup, Func<DateOnly, DateOnly, CellFilter, SortedDictionary<DateOnly, MetricCell>> weeks,
        MetricDefinition metric, DateOnly from, DateOnly until, AttributionControl? control)
    {
        var all = Means(rollup, metric, weeks(from, until, CellFilter.All));
        if (control?.SegmentDimension is not { } dimension)
        {
            return Scaled(metric, all);
        }
        var segment = Means(rollup, metric, weeks(from, until, new CellFilter(null, dimension, control.SegmentValue)));
        var rest = new SortedDictionary<DateOnly, Moments>();
        foreach (var (week, moments) in all)
        {
            var other = segment.GetValueOrDefault(week);
            var remaining = new Moments(moments.N - other.N, moments.Sum - other.Sum, moments.SumOfSquares - other.SumOfSquares);
            if (remaining.N > 0)
            {
                rest[week] = remaining;
            }
        }
        return Scaled(metric, rest);
    }

    private static SortedDictionary<DateOnly, (double Mean, double Weight)> ControlWeeks(
        UseCaseRollup rollup, Func<DateOnly, DateOnly, CellFilter, SortedDictionary<DateOnly, MetricCell>> weeks,
        MetricDefinition metric, DateOnly from, DateOnly until, AttributionControl control)
    {
        if (control.SegmentDimension is { } dimension)
        {
            return Scaled(metric, Means(rollup, metric, weeks(from, until, new CellFilter(null, dimension, control.SegmentValue))));
        }
        // Another use case's series is already on the metric's scale (NPS from −100 to 100).
        return new(control.Weeks.GetValueOrDefault(metric.Key, [])
            .Where(point => point.Value is { } value && double.IsFinite(value) && point.N > 0 && point.PeriodStart >= from && point.PeriodStart < until)
            .ToDictionary(point => point.PeriodStart, point => (point.Value!.Value, (double)point.N)));
    }

    private static SortedDictionary<DateOnly, Moments> Means(UseCaseRollup rollup, MetricDefinition metric, SortedDictionary<DateOnly, MetricCell> weeks) =>
        new(weeks.Select(week => (week.Key, Moments: MetricReader.MomentsOf(metric, week.Value, rollup.Shape)))
            .Where(week => week.Moments.N > 0)
            .ToDictionary(week => week.Key, week => week.Moments));

    /// <summary>
    /// NPS is kept as ±1/0 per answer and reported on the −100–100 scale. A week whose values add up past what a
    /// double holds has no finite mean and is left out.
    /// </summary>
    private static SortedDictionary<DateOnly, (double Mean, double Weight)> Scaled(MetricDefinition metric, SortedDictionary<DateOnly, Moments> weeks)
    {
        var scale = metric.Aggregation == Aggregation.NetPromoter ? 100.0 : 1.0;
        return new(weeks.Where(week => double.IsFinite(week.Value.Mean * scale))
            .ToDictionary(week => week.Key, week => (week.Value.Mean * scale, (double)week.Value.N)));
    }

    private static double Mean(IReadOnlyList<SeriesPoint> points) =>
        points.Sum(point => point.Value * point.Weight) / points.Sum(point => point.Weight);

    private static MetricAttribution Refused(MetricAttribution answer, string reason) =>
        answer with { Refusal = reason, Summary = reason };

    private static string Sentence(MetricDefinition metric, AttributionResult result, double change, int weeks, AttributionControl? control)
    {
        var effect = result.Effect!;
        var net = control is null ? "Net of the trend it already had" : $"Net of what moved the control ({control.Name}) as well";
        var plain = $"a plain before/after comparison shows {Signed(metric, change)}";
        var caveat = result.ChecksPassed ? "" : " The method's checks did not all pass (see checks), so read this with care.";
        if (effect.Low <= 0 && effect.High >= 0)
        {
            return $"{net}, the AI's effect on {metric.Name} over the {weeks} weeks since go-live cannot be told from zero ({Signed(metric, effect.Value)}, 95 % interval {Signed(metric, effect.Low)} to {Signed(metric, effect.High)}); {plain}.{caveat}";
        }
        var verb = effect.Value < 0 ? "lowered" : "raised";
        return $"{net}, the AI {verb} {metric.Name} by {Amount(metric, Math.Abs(effect.Value))} per task over the {weeks} weeks since go-live (95 % interval {Signed(metric, effect.Low)} to {Signed(metric, effect.High)}); {plain}.{caveat}";
    }

    private static string Signed(MetricDefinition metric, double value) => (value < 0 ? "−" : "+") + Amount(metric, Math.Abs(value));

    /// <summary>A change of the metric in its unit: points for rates, minutes for long durations.</summary>
    internal static string Amount(MetricDefinition metric, double value) => metric.Unit switch
    {
        MetricUnit.Ratio => string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.0#} percentage points"),
        MetricUnit.Seconds when value >= 120 => string.Create(CultureInfo.InvariantCulture, $"{value / 60:0.0} minutes"),
        MetricUnit.Seconds => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} seconds"),
        MetricUnit.Minutes => string.Create(CultureInfo.InvariantCulture, $"{value:0.0#} minutes"),
        MetricUnit.Days => string.Create(CultureInfo.InvariantCulture, $"{value:0.0#} days"),
        MetricUnit.Currency => string.Create(CultureInfo.InvariantCulture, $"{value:#,0.00}"),
        MetricUnit.NetPromoterScore => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} points"),
        _ => value.ToString("G3", CultureInfo.InvariantCulture),
    };
}
