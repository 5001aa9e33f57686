using AiRoi.Contracts.UseCases;
using AiRoi.Domain;
using AiRoi.Domain.Annotations;
using AiRoi.Domain.Attribution;
using AiRoi.Domain.Baselines;
using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Roi;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.UseCases;
using Orleans.Concurrency;

namespace AiRoi.Metrics.Grains;

/// <summary>The use-case grain's reports and the configuration they rest on (baselines, annotations).</summary>
public sealed partial class UseCaseGrain
{
    /// <inheritdoc />
    public Task<UseCaseAnswer<UseCase>> GetDefinitionAsync() => Answer(useCase => useCase);

    /// <inheritdoc />
    public Task<UseCaseAnswer<IReadOnlyList<KeyMetricSummary>>> GetMetricsAsync(DateOnly today, bool keyOnly, int days) =>
        Answer(_ => Reports().Metrics(today, keyOnly, days));

    /// <inheritdoc />
    public Task<UseCaseAnswer<MetricSeries>> GetSeriesAsync(
        string metricKey, Granularity granularity, DateOnly from, DateOnly until, Handler? handler, string? dimension, string? value) =>
        Answer(metricKey, metric => Reports().Series(metric, granularity, from, until, new CellFilter(handler, dimension, value)));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetSegmentValuesAsync(string dimension) => Task.FromResult<IReadOnlyList<string>>(
        [.. state.Rollup.DimensionValues.GetValueOrDefault(dimension, []), RollupLimits.OtherValue, RollupLimits.NoValue]);

    /// <inheritdoc />
    public Task<UseCaseAnswer<HandlerComparison>> CompareAsync(string metricKey, string? dimension, DateOnly from, DateOnly until) =>
        Answer(metricKey, metric => Reports().Compare(metric, dimension, from, until));

    /// <inheritdoc />
    public Task<UseCaseAnswer<LabelBreakdown>> GetBreakdownAsync(bool exceptions, Granularity granularity, DateOnly from, DateOnly until, DateOnly today) =>
        Answer(_ => Reports().Breakdown(exceptions, granularity, from, until, today));

    /// <inheritdoc />
    public Task<UseCaseAnswer<RoiReport>> GetRoiAsync(Granularity granularity, DateOnly from, DateOnly until, AttributionControl? control = null) =>
        Answer(_ => Reports().Roi(granularity, from, until, control));

    /// <inheritdoc />
    public Task<UseCaseAnswer<MetricAttribution>> GetAttributionAsync(string metricKey, DateOnly today, AttributionControl? control) =>
        Answer(metricKey, metric => Reports().Attribution(metric, today, control));

    /// <inheritdoc />
    public Task<UseCaseAnswer<HealthReport>> GetHealthAsync(DateOnly today) => Answer(_ => Reports().Health(today));

    /// <inheritdoc />
    public Task<Immutable<UseCaseSummary?>> GetSummaryAsync(DateOnly today, DateOnly? from) =>
        // The usual view (last 90 days) is kept between calls; a chosen period is computed when asked.
        Task.FromResult(new Immutable<UseCaseSummary?>(definition is null ? null : from is null ? summary.Get(today) : Reports().Summary(today, from)));

    /// <inheritdoc />
    public Task<SummaryRevision> GetSummaryIfChangedAsync(DateOnly today, Guid heldRevision)
    {
        if (definition is null)
        {
            return Task.FromResult(SummaryRevision.NotRegistered);
        }
        var (current, revision) = summary.GetRevised(today);
        return Task.FromResult(new SummaryRevision(true, revision, revision == heldRevision ? null : current));
    }

    /// <inheritdoc />
    public Task<UseCaseAnswer<BaselineVersion>> SetBaselineAsync(BaselineRequest request, string createdBy, DateOnly today) =>
        ChangeAsync(async useCase =>
        {
            var draft = BaselineDraft.Create(request, useCase, state.Rollup, createdBy, today);
            return draft.Version is null
                ? UseCaseAnswer<BaselineVersion>.Refused(WriteStatus, draft.Errors)
                : UseCaseAnswer<BaselineVersion>.Answered(WriteStatus, await configuration.AddBaselineAsync(draft.Version));
        });

    /// <inheritdoc />
    public Task<UseCaseAnswer<IReadOnlyList<Annotation>>> GetAnnotationsAsync() => Answer(_ => configuration.Annotations);

    /// <inheritdoc />
    public Task<UseCaseAnswer<Annotation>> AddAnnotationAsync(Annotation draft) =>
        ChangeAsync(async _ => UseCaseAnswer<Annotation>.Answered(WriteStatus, await configuration.AddAnnotationAsync(draft)));

    /// <inheritdoc />
    public Task<UseCaseAnswer<bool>> RemoveAnnotationAsync(long id) =>
        ChangeAsync(async _ => UseCaseAnswer<bool>.Answered(WriteStatus, await configuration.RemoveAnnotationAsync(id)));

    /// <inheritdoc />
    public Task ExperimentLiftChangedAsync() =>
        ChangeAsync(async _ => UseCaseAnswer<ConversionLiftEvidence?>.Answered(WriteStatus, await configuration.ReloadExperimentLiftAsync()));

    /// <summary>A report of the registered use case; unknown when it is not registered.</summary>
    private Task<UseCaseAnswer<T>> Answer<T>(Func<UseCase, T> report) => Task.FromResult(definition is null
        ? UseCaseAnswer<T>.UnknownUseCase
        : UseCaseAnswer<T>.Answered(WriteStatus, report(definition.UseCase)));

    /// <summary>A report on one of the use case's metrics; refused, naming <c>metric</c>, when it has no such metric.</summary>
    private Task<UseCaseAnswer<T>> Answer<T>(string metricKey, Func<MetricDefinition, T> report) =>
        definition is not null && definition.UseCase.ResolveMetric(metricKey) is null
            ? Task.FromResult(UseCaseAnswer<T>.Refused(WriteStatus, [new ValidationError("metric", ValidationCodes.UnknownMetric,
                $"'{metricKey}' is neither a built-in metric nor a custom metric of the use case.")]))
            : Answer(useCase => report(useCase.ResolveMetric(metricKey)!));

    /// <summary>A change of the configuration the reports rest on; the cached summary is then out of date.</summary>
    private async Task<UseCaseAnswer<T>> ChangeAsync<T>(Func<UseCase, Task<UseCaseAnswer<T>>> change)
    {
        if (definition is null)
        {
            return UseCaseAnswer<T>.UnknownUseCase;
        }
        summary.Drop();
        return await change(definition.UseCase);
    }

    private UseCaseReports Reports() => configuration.ReportsOf(definition!.UseCase, state.Rollup, state.Totals.UnpricedTokensByModel);
}
