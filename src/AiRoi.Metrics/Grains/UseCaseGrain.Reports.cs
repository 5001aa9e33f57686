using AiRoi.Domain;
using AiRoi.Domain.Annotations;
using AiRoi.Domain.Baselines;
using AiRoi.Domain.Events;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Rollups;
using Orleans.Concurrency;

namespace AiRoi.Metrics.Grains;

/// <summary>The use-case grain's reports and the configuration its reports depend on (baselines, annotations).</summary>
public sealed partial class UseCaseGrain
{
    // The portfolio asks every grain for its summary on each call. A change of configuration (definition, baseline,
    // annotation) drops the cached summary, so the next call computes it; new events only mark it stale, and the
    // timer recomputes a stale summary, so that a portfolio read while events flow never waits for a
    // thousand summaries: it lags new events by at most PublishRetryPeriod.
    private (DateOnly Today, UseCaseSummary Summary)? summaryCache;
    private bool summaryStale;

    /// <inheritdoc />
    public Task<Immutable<IReadOnlyList<KeyMetricSummary>>> GetMetricsAsync(DateOnly today, bool keyOnly) =>
        Task.FromResult(Reports().Metrics(today, keyOnly).AsImmutable());

    /// <inheritdoc />
    public Task<Immutable<MetricSeries>> GetSeriesAsync(
        string metricKey, Granularity granularity, DateOnly from, DateOnly until, Handler? handler, string? dimension, string? value) =>
        Task.FromResult(Reports().Series(Metric(metricKey), granularity, from, until, new CellFilter(handler, dimension, value)).AsImmutable());

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetSegmentValuesAsync(string dimension) =>
        Task.FromResult<IReadOnlyList<string>>(
            [.. rollup.DimensionValues.GetValueOrDefault(dimension, []), RollupLimits.OtherValue, RollupLimits.NoValue]);

    /// <inheritdoc />
    public Task<Immutable<HandlerComparison>> CompareAsync(string metricKey, string? dimension, DateOnly from, DateOnly until) =>
        Task.FromResult(Reports().Compare(Metric(metricKey), dimension, from, until).AsImmutable());

    /// <inheritdoc />
    public Task<Immutable<LabelBreakdown>> GetBreakdownAsync(bool exceptions, Granularity granularity, DateOnly from, DateOnly until) =>
        Task.FromResult(Reports().Breakdown(exceptions, granularity, from, until).AsImmutable());

    /// <inheritdoc />
    public Task<Immutable<RoiReport>> GetRoiAsync(Granularity granularity, DateOnly from, DateOnly until) =>
        Task.FromResult(Reports().Roi(granularity, from, until).AsImmutable());

    /// <inheritdoc />
    public Task<Immutable<HealthReport>> GetHealthAsync(DateOnly today) =>
        Task.FromResult(Reports().Health(today).AsImmutable());

    /// <inheritdoc />
    public Task<Immutable<UseCaseSummary?>> GetSummaryAsync(DateOnly today)
    {
        if (definition is null)
        {
            return Task.FromResult(new Immutable<UseCaseSummary?>(null));
        }
        if (summaryCache is not { } cached || cached.Today != today)
        {
            summaryCache = cached = (today, Reports().Summary(today));
            summaryStale = false;
        }
        return Task.FromResult(new Immutable<UseCaseSummary?>(cached.Summary));
    }

    /// <summary>On the timer: recomputes a summary that new events have made stale.</summary>
    private void RefreshStaleSummary()
    {
        if (summaryStale && summaryCache is { } cached && definition is not null)
        {
            summaryCache = (cached.Today, Reports().Summary(cached.Today));
        }
        summaryStale = false;
    }

    /// <inheritdoc />
    public async Task<BaselineOutcome> SetBaselineAsync(BaselineRequest request, string createdBy, DateOnly today)
    {
        var useCase = Definition();
        var errors = BaselineRules.Check(request, useCase);
        if (errors.Count > 0)
        {
            return new BaselineOutcome(null, errors);
        }
        var metric = Metric(request.MetricKey!);
        var method = request.Method!.Value;
        BaselineVersion draft;
        if (method == BaselineMethod.Manual)
        {
            draft = new BaselineVersion(metric.Key, 0, method, request.Value!.Value, createdBy, default)
            {
                Source = request.Source,
                PeriodStart = request.PeriodStart,
                PeriodEnd = request.PeriodEnd,
                Note = request.Note,
            };
        }
        else
        {
            var (defaultStart, defaultEnd) = BaselineMeasurement.DefaultPeriod(method, useCase.AiGoLiveDate, today);
            var start = request.PeriodStart ?? defaultStart;
            var end = request.PeriodEnd ?? defaultEnd;
            var reading = BaselineMeasurement.Measure(rollup, metric, method, start, end);
            if (reading.Value is not { } value)
            {
                return new BaselineOutcome(null, [new ValidationError("periodStart", ValidationCodes.NoData,
                    $"No {(method == BaselineMethod.ConcurrentHuman ? "human-handled " : "")}event from {start:yyyy-MM-dd} to {end.AddDays(-1):yyyy-MM-dd} carries {metric.Key}, so there is nothing to measure; choose another period or enter the value by hand.")]);
            }
            draft = new BaselineVersion(metric.Key, 0, method, value, createdBy, default)
            {
                StandardError = reading.StandardError,
                Low = reading.Low,
                High = reading.High,
                SampleSize = reading.N,
                PeriodStart = start,
                PeriodEnd = end,
                Source = request.Source,
                Note = request.Note,
            };
        }
        var stored = await baselineStore.InsertAsync(UseCaseId, draft, CancellationToken.None);
        baselines[stored.MetricKey] = stored;
        summaryCache = null;
        return new BaselineOutcome(stored, []);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Annotation>> GetAnnotationsAsync() => Task.FromResult<IReadOnlyList<Annotation>>(annotations.ToList());

    /// <inheritdoc />
    public async Task<Annotation> AddAnnotationAsync(Annotation draft)
    {
        var stored = await annotationStore.InsertAsync(UseCaseId, draft, CancellationToken.None);
        annotations = [.. annotations.Append(stored).OrderBy(annotation => annotation.Date).ThenBy(annotation => annotation.Id)];
        summaryCache = null;
        return stored;
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAnnotationAsync(long id)
    {
        if (!await annotationStore.DeleteAsync(UseCaseId, id, CancellationToken.None))
        {
            return false;
        }
        annotations = annotations.Where(annotation => annotation.Id != id).ToList();
        summaryCache = null;
        return true;
    }

    /// <inheritdoc />
    public async Task ExperimentLiftChangedAsync()
    {
        experimentLift = await liftStore.ReadCurrentAsync(UseCaseId, CancellationToken.None);
        summaryCache = null;
    }

    private Domain.UseCases.UseCase Definition() =>
        definition?.UseCase ?? throw new InvalidOperationException($"Use case {UseCaseId} is not in the registry; callers check before asking for reports.");

    private Domain.Metrics.MetricDefinition Metric(string key) =>
        Definition().ResolveMetric(key) ?? throw new ArgumentException($"Use case {UseCaseId} has no metric '{key}'; callers check before asking.", nameof(key));

    private UseCaseReports Reports() => new(Definition(), rollup, baselines, annotations) { ExperimentLift = experimentLift };
}
