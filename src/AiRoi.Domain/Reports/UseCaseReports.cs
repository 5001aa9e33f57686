using AiRoi.Domain.Annotations;
using AiRoi.Domain.Attribution;
using AiRoi.Domain.Baselines;
using AiRoi.Domain.Events;
using AiRoi.Domain.Health;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Roi;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.Targets;
using AiRoi.Domain.Trends;
using AiRoi.Domain.UseCases;
using AiRoi.Statistics.Attribution;

namespace AiRoi.Domain.Reports;

/// <summary>
/// Everything AiRoi reports about one use case, computed from its definition, its roll-up, its current baseline
/// versions and its annotations: KPI summaries, series, AI-vs-human comparisons, escalation and exception
/// breakdowns, ROI and health. Pure: the grain owns the state and passes it in.
/// </summary>
/// <param name="useCase">The definition.</param>
/// <param name="rollup">The metric state, built under the definition's shape.</param>
/// <param name="baselines">The current (latest) baseline version of each metric that has one.</param>
/// <param name="annotations">The use case's annotations.</param>
public sealed class UseCaseReports(
    UseCase useCase,
    UseCaseRollup rollup,
    IReadOnlyDictionary<string, BaselineVersion> baselines,
    IReadOnlyList<Annotation> annotations)
{
    /// <summary>Weeks of history the level-shift check scans: a year.</summary>
    public const int ShiftScanWeeks = 52;

    /// <summary>Days the portfolio's ROI covers: the last 90.</summary>
    public const int SummaryRoiDays = 90;

    /// <summary>A concluded experiment's conversion lift, used by ROI instead of before/after.</summary>
    public ConversionLiftEvidence? ExperimentLift { get; init; }

    /// <summary>Tokens of traced model calls that found no price, per model (for the health check).</summary>
    public IReadOnlyDictionary<string, long> UnpricedTokensByModel { get; init; } = new Dictionary<string, long>();

    private readonly Dictionary<(string Metric, DateOnly Today, string? Control), MetricAttribution> attributions = [];

    private readonly Dictionary<(DateOnly From, DateOnly Until, CellFilter Filter), SortedDictionary<DateOnly, MetricCell>> weeklyCells = [];

    /// <summary>
    /// What part of <paramref name="metric"/>'s change since go-live is the AI's, from the complete weeks before
    /// <paramref name="today"/>: an interrupted time series, or a difference-in-differences against
    /// <paramref name="control"/>.
    /// </summary>
    public MetricAttribution Attribution(MetricDefinition metric, DateOnly today, AttributionControl? control = null)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var key = (metric.Key, today, control?.Name);
        if (!attributions.TryGetValue(key, out var attribution))
        {
            attributions[key] = attribution = AttributionAnalysis.Analyze(useCase, rollup, metric, today, control, WeeklyCells);
        }
        return attribution;
    }

    /// <summary>
    /// A metric as a KPI tile shows it on <paramref name="today"/>: its value over the <paramref name="days"/> days up to
    /// and including today (by default <see cref="TargetEvaluator.WindowDays"/>), against the baseline and targets.
    /// </summary>
    public KeyMetricSummary Summarize(MetricDefinition metric, DateOnly today, int days = TargetEvaluator.WindowDays)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var current = Recent(metric, today, days);
        var baseline = baselines.GetValueOrDefault(metric.Key);
        double? change = current.Value is { } value && baseline is not null ? value - baseline.Value : null;
        double? relative = change is { } c && baseline is { Value: not 0 } b ? c / Math.Abs(b.Value) : null;
        bool? improved = change is { } d && d != 0 ? (metric.GoodDirection == GoodDirection.Higher) == (d > 0) : null;
        var targets = useCase.Targets
            .Where(target => target.MetricKey == metric.Key)
            .Select(target => TargetEvaluator.Evaluate(target, metric, rollup, today))
            .ToList();
        return new(metric, current, baseline, change, relative, improved, targets);
    }

    /// <summary>Every metric of the use case (built in, then custom), or only its key metrics, summarized over <paramref name="days"/> days.</summary>
    public IReadOnlyList<KeyMetricSummary> Metrics(DateOnly today, bool keyOnly, int days = TargetEvaluator.WindowDays)
    {
        var metrics = keyOnly
            ? HealthChecks.KeyMetrics(useCase).Select(useCase.ResolveMetric).OfType<MetricDefinition>()
            : MetricCatalog.BuiltIn.Concat(useCase.CustomMetrics.Select(custom => custom.ToMetricDefinition()));
        return metrics.Select(metric => Summarize(metric, today, days)).ToList();
    }

    /// <summary>A metric by period over <c>[from, until)</c> for the events <paramref name="filter"/> selects.</summary>
    public MetricSeries Series(MetricDefinition metric, Granularity granularity, DateOnly from, DateOnly until, CellFilter filter)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(filter);
        var points = rollup.Series(from, until, granularity, filter)
            .Select(period => MetricPoint.From(period.Key, MetricReader.Read(metric, period.Value, rollup.Shape)))
            .ToList();
        var overall = MetricPoint.From(from, MetricReader.Read(metric, rollup.Aggregate(from, until, filter), rollup.Shape));
        return new(metric.Key, granularity, GroupName(filter), points, overall);
    }

    /// <summary>
    /// AI against human on one metric over <c>[from, until)</c>, raw and, when <paramref name="dimension"/> is
    /// given, stratified by its segments.
    /// </summary>
    public HandlerComparison Compare(MetricDefinition metric, string? dimension, DateOnly from, DateOnly until)
    {
        ArgumentNullException.ThrowIfNull(metric);
        // NPS is kept as ±1/0 per answer; comparing on the −100–100 scale needs the values scaled by 100.
        var scale = metric.Aggregation == Aggregation.NetPromoter ? 100.0 : 1.0;
        var strata = new List<StratumMoments>();
        var values = dimension is null
            ? [""]
            : rollup.DimensionValues.GetValueOrDefault(dimension, []).Concat([RollupLimits.OtherValue, RollupLimits.NoValue]);
        foreach (var value in values)
        {
            var filter = dimension is null ? CellFilter.All : new CellFilter(null, dimension, value);
            var ai = MetricReader.MomentsOf(metric, rollup.Aggregate(from, until, filter.For(Handler.Ai), momentsOnly: true), rollup.Shape);
            var human = MetricReader.MomentsOf(metric, rollup.Aggregate(from, until, filter.For(Handler.Human), momentsOnly: true), rollup.Shape);
            if (ai.N + human.N > 0)
            {
                strata.Add(new StratumMoments(dimension is null ? "all" : value,
                    ai.N, ai.Sum * scale, ai.SumOfSquares * scale * scale, human.N, human.Sum * scale, human.SumOfSquares * scale * scale));
            }
        }
        return new(metric.Key, dimension, from, until, StratifiedDifference.Compare(strata));
    }

    /// <summary>
    /// Escalation reasons (<paramref name="exceptions"/> false) or exception types over <c>[from, until)</c>; the
    /// rate's trend over the periods that start on or after go-live and end by <paramref name="today"/> (complete).
    /// </summary>
    public LabelBreakdown Breakdown(bool exceptions, Granularity granularity, DateOnly from, DateOnly until, DateOnly? today = null)
    {
        var completeBy = today is { } day && day < until ? day : until;
        var sinceGoLive = useCase.AiGoLiveDate ?? DateOnly.MinValue;
        DateOnly? trendFrom = null, trendUntil = null;
        var rateMetric = MetricCatalog.Find(exceptions ? MetricKeys.ExceptionRate : MetricKeys.EscalationRate)!;
        var series = rollup.Series(from, until, granularity, CellFilter.All);
        var rate = new List<MetricPoint>();
        var trend = new List<TrendPoint>();
        var byLabel = new Dictionary<string, Dictionary<DateOnly, long>>(StringComparer.Ordinal);
        var index = 0;
        foreach (var (start, cell) in series)
        {
            var reading = MetricReader.Read(rateMetric, cell, rollup.Shape);
            rate.Add(MetricPoint.From(start, reading));
            var end = Periods.EndOf(start, granularity);
            if (reading.Value is { } value && start >= sinceGoLive && end <= completeBy)
            {
                trend.Add(new TrendPoint(PeriodIndex(from, start, granularity, index), value, reading.N));
                trendFrom ??= start;
                trendUntil = end;
            }
            foreach (var (label, count) in (exceptions ? cell.ExceptionTypes : cell.EscalationReasons) ?? [])
            {
                if (!byLabel.TryGetValue(label, out var counts))
                {
                    byLabel[label] = counts = [];
                }
                counts[start] = count;
            }
            index++;
        }
        var total = byLabel.Values.Sum(counts => counts.Values.Sum());
        var labels = byLabel
            .Select(pair => new LabelCounts(pair.Key, pair.Value.Values.Sum(), total == 0 ? 0 : pair.Value.Values.Sum() / (double)total, pair.Value))
            .OrderByDescending(label => label.Count)
            .ThenBy(label => label.Label, StringComparer.Ordinal)
            .ToList();
        var fitted = TrendSlope.Fit(trend);
        return new(exceptions ? "exception-types" : "escalation-reasons", granularity, rate, fitted, labels,
            fitted is null ? null : trendFrom, fitted is null ? null : trendUntil);
    }

    /// <summary>
    /// ROI per period of <paramref name="granularity"/> over <c>[from, until)</c>, from go-live on, and in total; the
    /// AI's part by a difference-in-differences against <paramref name="control"/> when one is named.
    /// </summary>
    public RoiReport Roi(Granularity granularity, DateOnly from, DateOnly until, AttributionControl? control = null)
    {
        if (useCase.AiGoLiveDate is { } goLive && goLive > from)
        {
            from = goLive;
        }
        var periods = new List<RoiFigures>();
        if (useCase.AiGoLiveDate is null || from >= until)
        {
            return new(granularity, periods, null);
        }
        for (var start = Periods.StartOf(from, granularity); start < until; start = Periods.EndOf(start, granularity))
        {
            var periodStart = start < from ? from : start;
            var end = Periods.EndOf(start, granularity);
            periods.Add(RoiOver(periodStart, end < until ? end : until, until.AddDays(-1), control));
        }
        return new(granularity, periods, RoiOver(from, until, until.AddDays(-1), control));
    }

    /// <summary>
    /// The ROI of one stretch of days after go-live, with the AI's part of it as analysed on <paramref name="asOf"/>
    /// (the last day of the stretch by default), against <paramref name="control"/> when one is named.
    /// </summary>
    public RoiFigures RoiOver(DateOnly from, DateOnly until, DateOnly? asOf = null, AttributionControl? control = null)
    {
        var cell = rollup.Aggregate(from, until, CellFilter.All);
        return RoiCalculator.Compute(new RoiInputs(from, until, cell.Events,
            cell.Slots[Measure.Cost], cell.Slots[Measure.ResolutionSeconds], cell.Slots[Measure.Converted], useCase.UnitEconomics)
        {
            CostBaseline = baselines.GetValueOrDefault(MetricKeys.CostPerTask),
            ResolutionTimeBaseline = baselines.GetValueOrDefault(MetricKeys.ResolutionTimeMean),
            ConversionRateBaseline = baselines.GetValueOrDefault(MetricKeys.ConversionRate),
            ExperimentLift = ExperimentLift,
            Attribution = RoiAttribution(from, until, asOf ?? until.AddDays(-1), control),
        });
    }

    /// <summary>
    /// The AI's change per task in each ROI metric over <c>[from, until)</c>: the interrupted time series' (or, with a
    /// control, the difference-in-differences') effect over the period's weeks, weighted by their tasks; before/after
    /// with the reason where the series cannot be analysed.
    /// </summary>
    private Dictionary<string, AttributedChange> RoiAttribution(DateOnly from, DateOnly until, DateOnly asOf, AttributionControl? control)
    {
        var changes = new Dictionary<string, AttributedChange>(StringComparer.Ordinal);
        if (useCase.AiGoLiveDate is not { } goLive)
        {
            return changes;
        }
        var firstWeek = AttributionAnalysis.FirstWeek(goLive);
        var weeks = rollup.Series(from, until, Granularity.Week, CellFilter.All, momentsOnly: true);
        foreach (var key in RoiCalculator.Metrics)
        {
            var metric = MetricCatalog.Find(key)!;
            var analysis = Attribution(metric, asOf, control);
            var window = weeks
                .Select(week => (Period: AttributionAnalysis.WeekNumber(week.Key, firstWeek), Weight: (double)MetricReader.MomentsOf(metric, week.Value, rollup.Shape).N))
                .Where(week => week.Period >= 0);
            changes[key] = analysis.Model?.Over(window) is { } effect
                ? new AttributedChange(key, analysis.Method, new Estimate(effect.Value, effect.Low, effect.High, effect.StandardError), analysis.Summary)
                : new AttributedChange(key, AttributionMethod.BeforeAfter, null, analysis.Refusal ?? "No week of the period carries the metric.");
        }
        return changes;
    }

    /// <summary>The health checks on <paramref name="today"/>.</summary>
    public HealthReport Health(DateOnly today)
    {
        var findings = HealthChecks.Evaluate(HealthInputs(today));
        var passed = Enum.GetValues<HealthCheck>().Where(check => findings.All(finding => finding.Check != check)).ToList();
        return new(today, findings, passed);
    }

    /// <summary>
    /// The use case as the portfolio lists it on <paramref name="today"/>: key metrics over the last
    /// <see cref="TargetEvaluator.WindowDays"/> days and ROI over the last <see cref="SummaryRoiDays"/>; with
    /// <paramref name="from"/>, both over <c>[from, today]</c> (a period someone chose).
    /// </summary>
    public UseCaseSummary Summary(DateOnly today, DateOnly? from = null)
    {
        var days = from is { } first ? today.DayNumber - first.DayNumber + 1 : TargetEvaluator.WindowDays;
        var keyMetrics = Metrics(today, keyOnly: true, days).Where(summary => summary.Metric.Kind == ValueKind.Value).ToList();
        var until = today.AddDays(1);
        var live = useCase.AiGoLiveDate is { } goLive && goLive < until;
        var roi = live ? RoiOver(Later(from ?? until.AddDays(-SummaryRoiDays), useCase.AiGoLiveDate!.Value), until, today) : null;
        var sinceGoLive = live ? RoiOver(useCase.AiGoLiveDate!.Value, until, today) : null;
        var preAi = useCase.AiGoLiveDate is { } start
            && rollup.Aggregate(DateOnly.MinValue, start, CellFilter.All, momentsOnly: true).Events > 0;
        return new(useCase.Id, useCase.Name, useCase.Category, useCase.BusinessOwner, useCase.Archived, rollup.Events,
            rollup.LastCompletedAt, keyMetrics, roi, HealthChecks.Evaluate(HealthInputs(today)), sinceGoLive, preAi, useCase.UnitEconomics.Currency);
    }

    private HealthInputs HealthInputs(DateOnly today)
    {
        var keys = HealthChecks.KeyMetrics(useCase);
        var definitions = keys.Select(useCase.ResolveMetric).OfType<MetricDefinition>().ToList();
        var everything = rollup.Aggregate(DateOnly.MinValue, today.AddDays(1), CellFilter.All, momentsOnly: true);
        return new HealthInputs(useCase, today)
        {
            LastEventAt = rollup.LastCompletedAt,
            MetricsWithBaseline = keys.Where(baselines.ContainsKey).ToHashSet(),
            MetricsWithData = definitions.Where(metric => MetricReader.Read(metric, everything, rollup.Shape).N > 0).Select(metric => metric.Key).ToHashSet(),
            Annotations = annotations,
            Shifts = ShiftScan(definitions, today),
            Placebos = definitions.Where(AttributionAnalysis.Supports)
                .Select(metric => new MetricPlacebo(metric, Attribution(metric, today)))
                .Where(placebo => placebo.Attribution.Placebo?.Fired == true)
                .ToList(),
            Primary = useCase.ResolveMetric(useCase.PrimaryMetric) is { } primary ? Versus(primary, today) : null,
            Guardrails = useCase.GuardrailMetrics.Select(useCase.ResolveMetric).OfType<MetricDefinition>().Select(metric => Versus(metric, today)).ToList(),
            UnpricedTokensByModel = UnpricedTokensByModel,
        };
    }

    private MetricVersusBaseline Versus(MetricDefinition metric, DateOnly today) =>
        new(metric, Recent(metric, today, TargetEvaluator.WindowDays), baselines.GetValueOrDefault(metric.Key));

    /// <summary>The level shifts of the key metrics over the last <see cref="ShiftScanWeeks"/> full weeks, from one weekly series.</summary>
    private List<MetricShift> ShiftScan(IReadOnlyList<MetricDefinition> metrics, DateOnly today)
    {
        var until = Periods.StartOf(today, Granularity.Week);
        var weeks = rollup.Series(until.AddDays(-7 * ShiftScanWeeks), until, Granularity.Week, CellFilter.All, momentsOnly: true);
        var shifts = new List<MetricShift>();
        foreach (var metric in metrics)
        {
            // NPS is kept as ±1/0 per answer; its levels are reported on the −100–100 scale.
            var scale = metric.Aggregation == Aggregation.NetPromoter ? 100.0 : 1.0;
            var periods = weeks
                .Select(week => (week.Key, Moments: MetricReader.MomentsOf(metric, week.Value, rollup.Shape)))
                .Where(week => week.Moments.N > 0)
                .Select(week => new PeriodMoments(week.Key, week.Moments.N, week.Moments.Sum * scale, week.Moments.SumOfSquares * scale * scale))
                .ToList();
            if (LevelShiftTest.Find(periods) is { } shift)
            {
                shifts.Add(new MetricShift(metric, shift));
            }
        }
        return shifts;
    }

    /// <summary>The roll-up's weekly cells over a range for a filter, read once per report for every metric analysed.</summary>
    private SortedDictionary<DateOnly, MetricCell> WeeklyCells(DateOnly from, DateOnly until, CellFilter filter)
    {
        if (!weeklyCells.TryGetValue((from, until, filter), out var weeks))
        {
            weeklyCells[(from, until, filter)] = weeks = rollup.Series(from, until, Granularity.Week, filter, momentsOnly: true);
        }
        return weeks;
    }

    private MetricReading Recent(MetricDefinition metric, DateOnly today, int days) =>
        MetricReader.Read(metric, rollup.Aggregate(today.AddDays(1 - days), today.AddDays(1), CellFilter.All), rollup.Shape);

    private static double PeriodIndex(DateOnly from, DateOnly start, Granularity granularity, int ordinal) => granularity switch
    {
        Granularity.Day => start.DayNumber - from.DayNumber,
        Granularity.Week => (start.DayNumber - Periods.StartOf(from, Granularity.Week).DayNumber) / 7.0,
        Granularity.Month => (start.Year - from.Year) * 12 + start.Month - from.Month,
        Granularity.Quarter => ((start.Year - from.Year) * 12 + start.Month - from.Month) / 3.0,
        _ => ordinal,
    };

    private static string GroupName(CellFilter filter)
    {
        var parts = new List<string>();
        if (filter.Handler is { } handler)
        {
            parts.Add(handler.ToString().ToLowerInvariant());
        }
        if (filter.Dimension is not null)
        {
            parts.Add($"{filter.Dimension}={filter.Value}");
        }
        return parts.Count == 0 ? "all" : string.Join(",", parts);
    }

    private static DateOnly Later(DateOnly day, DateOnly other) => other > day ? other : day;
}
