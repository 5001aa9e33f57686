using AiRoi.Domain.Annotations;
using AiRoi.Domain.Attribution;
using AiRoi.Domain.Baselines;
using AiRoi.Domain.Events;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.UseCases;
using Orleans.Concurrency;

namespace AiRoi.Contracts.UseCases;

/// <summary>
/// One use case's single writer and the keeper of its metric state (key: the use case's slug id). Every outcome
/// event for the use case is written through it, so its per-use-case sequence numbers are gap-free. It is the
/// authority on its use case: a call for a use case that is not registered, or with arguments that do not fit it
/// (a metric it does not have), is answered as such (<see cref="UseCaseAnswer{T}"/>), never thrown.
/// </summary>
[Alias("AiRoi.Contracts.UseCases.IUseCaseGrain")]
public interface IUseCaseGrain : IGrainWithStringKey
{
    /// <summary>
    /// Writes a batch of outcome events that have passed validation, in one transaction; answers per event whether
    /// it was new (accepted) or already in the log (duplicate). A batch for a closed use case writes nothing and
    /// answers its status; an event of another use case refuses the whole batch (<c>useCaseId</c>).
    /// </summary>
    /// <param name="events">
    /// The validated events, in batch order. Neither side changes them after the call, so a call within one process
    /// hands the grain the same objects instead of a copy.
    /// </param>
    [Alias("Append")]
    Task<AppendResult> AppendAsync([Immutable] IReadOnlyList<OutcomeEvent> events);

    /// <summary>The use case's definition as the grain holds it, for checking a request's parameters against it.</summary>
    [Alias("GetDefinition")]
    Task<UseCaseAnswer<UseCase>> GetDefinitionAsync();

    /// <summary>The registry changed this use case (created, updated, archived): reload the definition.</summary>
    [Alias("DefinitionChanged")]
    Task DefinitionChangedAsync();

    /// <summary>
    /// Takes the model calls received from traces whose outcome event is now logged into the use case's cost ledger,
    /// priced with the price in force at each call's start, and adds their cost to their events (ADR-0035).
    /// </summary>
    [Alias("JoinAiCost")]
    Task JoinAiCostAsync();

    /// <summary>
    /// Prices the use case's traced model calls again with the prices in force now; answers the totals before and
    /// after, and, when <paramref name="apply"/>, records the changes in the ledger (history is never rewritten).
    /// </summary>
    /// <param name="apply">False to see what would change, true to record it.</param>
    /// <param name="author">Who asked, kept with the entries.</param>
    [Alias("RepriceAiCost")]
    Task<AiCostRepricing> RepriceAiCostAsync(bool apply, string author);

    /// <summary>Whether events may be written: the use case exists and is not archived.</summary>
    [Alias("GetWriteStatus")]
    Task<UseCaseWriteStatus> GetWriteStatusAsync();

    /// <summary>What the grain holds now: the log position and the running totals.</summary>
    [Alias("GetTotals")]
    Task<UseCaseTotals> GetTotalsAsync();

    /// <summary>Every metric (or only the key metrics) as KPI tiles on <paramref name="today"/>, over the <paramref name="days"/> days up to it.</summary>
    [Alias("GetMetrics")]
    Task<UseCaseAnswer<IReadOnlyList<KeyMetricSummary>>> GetMetricsAsync(DateOnly today, bool keyOnly, int days);

    /// <summary>One metric by period over <c>[from, until)</c>, for all events, one handler and/or one segment.</summary>
    [Alias("GetSeries")]
    Task<UseCaseAnswer<MetricSeries>> GetSeriesAsync(string metricKey, Granularity granularity, DateOnly from, DateOnly until, Handler? handler, string? dimension, string? value);

    /// <summary>The segment values of a tracked dimension, in first-seen order, then <c>(other)</c> and <c>(none)</c>.</summary>
    [Alias("GetSegmentValues")]
    Task<IReadOnlyList<string>> GetSegmentValuesAsync(string dimension);

    /// <summary>AI against human on one metric, raw and stratified by <paramref name="dimension"/> when given.</summary>
    [Alias("Compare")]
    Task<UseCaseAnswer<HandlerComparison>> CompareAsync(string metricKey, string? dimension, DateOnly from, DateOnly until);

    /// <summary>
    /// Escalation reasons or exception types over time, with the rate's trend over the complete periods since
    /// go-live (those ending by <paramref name="today"/>).
    /// </summary>
    [Alias("GetBreakdown")]
    Task<UseCaseAnswer<LabelBreakdown>> GetBreakdownAsync(bool exceptions, Granularity granularity, DateOnly from, DateOnly until, DateOnly today);

    /// <summary>ROI per period over <c>[from, until)</c>; the AI's part against <paramref name="control"/> when one is named.</summary>
    [Alias("GetRoi")]
    Task<UseCaseAnswer<RoiReport>> GetRoiAsync(Granularity granularity, DateOnly from, DateOnly until, AttributionControl? control = null);

    /// <summary>
    /// What part of a metric's change since go-live is the AI's, from the complete weeks before
    /// <paramref name="today"/>: an interrupted time series, or a difference-in-differences against
    /// <paramref name="control"/> when one is named.
    /// </summary>
    [Alias("GetAttribution")]
    Task<UseCaseAnswer<MetricAttribution>> GetAttributionAsync(string metricKey, DateOnly today, AttributionControl? control);

    /// <summary>The health checks on <paramref name="today"/>.</summary>
    [Alias("GetHealth")]
    Task<UseCaseAnswer<HealthReport>> GetHealthAsync(DateOnly today);

    /// <summary>
    /// The use case as the portfolio lists it on <paramref name="today"/>, over <c>[from, today]</c> when
    /// <paramref name="from"/> is given; null for an unknown use case.
    /// </summary>
    [Alias("GetSummary")]
    Task<Immutable<UseCaseSummary?>> GetSummaryAsync(DateOnly today, DateOnly? from);

    /// <summary>
    /// The usual summary (last 90 days) on <paramref name="today"/> with its revision; the summary itself only when
    /// <paramref name="heldRevision"/> is not the current one.
    /// </summary>
    [Alias("GetSummaryRevision")]
    Task<SummaryRevision> GetSummaryIfChangedAsync(DateOnly today, Guid heldRevision);

    /// <summary>Measures or takes a new baseline version for a metric, as <paramref name="createdBy"/>; refused with the rules it breaks.</summary>
    [Alias("SetBaseline")]
    Task<UseCaseAnswer<BaselineVersion>> SetBaselineAsync(BaselineRequest request, string createdBy, DateOnly today);

    /// <summary>The use case's annotations by date.</summary>
    [Alias("GetAnnotations")]
    Task<UseCaseAnswer<IReadOnlyList<Annotation>>> GetAnnotationsAsync();

    /// <summary>Adds an annotation (its id and time are assigned); answers it as stored.</summary>
    [Alias("AddAnnotation")]
    Task<UseCaseAnswer<Annotation>> AddAnnotationAsync(Annotation draft);

    /// <summary>Removes an annotation; false when the use case has none with the id.</summary>
    [Alias("RemoveAnnotation")]
    Task<UseCaseAnswer<bool>> RemoveAnnotationAsync(long id);

    /// <summary>A concluded experiment of this use case was recorded: ROI re-reads the shipped conversion lift.</summary>
    [Alias("ExperimentLiftChanged")]
    Task ExperimentLiftChangedAsync();
}
