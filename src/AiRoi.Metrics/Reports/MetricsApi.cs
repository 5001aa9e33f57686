using AiRoi.Domain.Attribution;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Roi;
using AiRoi.Domain.Rollups;
using AiRoi.Domain;
using AiRoi.Metrics.UseCases;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Metrics.Reports;

/// <summary>
/// The reports of one use case, answered from its grain's memory: KPI tiles, series of any metric by day, week,
/// month or quarter (overall, by handler, by segment), the AI-vs-human comparison (raw and stratified),
/// escalation reasons and exception types with their trend, ROI and health. Query parameters are checked
/// together; every bad one is named in one problem detail.
/// </summary>
public static class MetricsApi
{
    /// <summary>Maps the report routes under <c>/api/v1/use-cases/{id}</c>.</summary>
    public static IEndpointRouteBuilder MapMetricsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/use-cases/{id}").WithTags("Metrics").RequireUseCaseScope();

        api.MapGet("/metrics", GetMetricsAsync)
            .WithName("GetUseCaseMetrics")
            .WithSummary("Every metric of the use case as a KPI tile (last 28 days, baseline, change, targets); keyOnly=true for the key metrics only. asOf=yyyy-MM-dd reads as of another day; from and to (yyyy-MM-dd) read the tiles over that period instead.")
            .Produces<IReadOnlyList<KeyMetricSummary>>()
            .ProducesReportProblems();

        api.MapGet("/metrics/{metric}", GetSeriesAsync)
            .WithName("GetMetricSeries")
            .WithSummary("One metric by period (granularity=day|week|month|quarter, from, to): overall, for one handler and/or segment=dimension:value, or split with by=handler or by=segment:{dimension}.")
            .Produces<IReadOnlyList<MetricSeries>>()
            .ProducesReportProblems();

        api.MapGet("/comparison", GetComparisonAsync)
            .WithName("CompareAiWithHuman")
            .WithSummary("AI-handled against human-handled events on one metric (metric=), raw and stratified by stratifyBy={dimension}, with 95 % intervals.")
            .Produces<HandlerComparison>()
            .ProducesReportProblems();

        api.MapGet("/escalation-reasons", GetEscalationReasonsAsync)
            .WithName("GetEscalationReasons")
            .WithSummary("Escalations by reason and period, the escalation rate, and whether it is trending (slope and p-value).")
            .Produces<LabelBreakdown>()
            .ProducesReportProblems();

        api.MapGet("/exception-types", GetExceptionTypesAsync)
            .WithName("GetExceptionTypes")
            .WithSummary("Exceptions by type and period, the exception rate, and whether it is falling significantly.")
            .Produces<LabelBreakdown>()
            .ProducesReportProblems();

        api.MapGet("/roi", GetRoiAsync)
            .WithName("GetUseCaseRoi")
            .WithSummary("ROI by week, month or quarter from go-live on: savings, revenue lift, time saved, fixed costs, ROI and payback, with intervals and the baseline versions used; and the part the AI caused, with the method per metric (experiment, interrupted time series, or with control=use-case:{id} or control=segment:{dimension}:{value} difference-in-differences, else before/after).")
            .Produces<RoiReport>()
            .ProducesReportProblems();

        api.MapGet("/attribution", GetAttributionAsync)
            .WithName("GetUseCaseAttribution")
            .WithSummary("What part of a metric's change since go-live is the AI's (metric=): an interrupted time series on the weekly series, or with control=use-case:{id} or control=segment:{dimension}:{value} a difference-in-differences. Answers the method, the effect with its 95 % interval, the counterfactual by week, the placebo test and the checks; or why the method cannot answer.")
            .Produces<MetricAttribution>()
            .ProducesReportProblems();

        api.MapGet("/health", GetHealthAsync)
            .WithName("GetUseCaseHealth")
            .WithSummary("The health checks that apply to the use case, each with its reason and evidence, and the checks that passed.")
            .Produces<HealthReport>()
            .ProducesReportProblems();

        return app;
    }

    /// <summary>KPI tiles.</summary>
    public static Task<Results<JsonHttpResult<IReadOnlyList<KeyMetricSummary>>, ProblemHttpResult>> GetMetricsAsync(
        string id, HttpRequest request, [AsParameters] ReportServices services) =>
        AnswerAsync(id, request, services, async query =>
        {
            var (today, days) = query.Window();
            var keyOnly = query.Flag("keyOnly", false);
            return query.Errors.Count > 0 ? null : (await services.Grain(id).GetMetricsAsync(today, keyOnly, days)).ValueOf(id);
        });

    /// <summary>One metric's series.</summary>
    public static Task<Results<JsonHttpResult<IReadOnlyList<MetricSeries>>, ProblemHttpResult>> GetSeriesAsync(
        string id, string metric, HttpRequest request, [AsParameters] ReportServices services) =>
        AnswerAsync(id, request, services, async query =>
        {
            var definition = query.Metric("metric", metric);
            var granularity = query.Granularity(Granularity.Week);
            var (from, until) = query.Range(granularity);
            var handler = query.Handler();
            var (dimension, value) = query.Segment();
            var by = request.Query["by"].ToString();
            var split = SplitBy(query, by);
            query.RequireWeeksForSegments(granularity, dimension is not null || (split is not null && split != "handler"));
            if (query.Errors.Count > 0 || definition is null)
            {
                return null;
            }
            var grain = services.Grain(id);
            var groups = split switch
            {
                null => [(handler, dimension, value)],
                "handler" => Enum.GetValues<Domain.Events.Handler>().Select(h => ((Domain.Events.Handler?)h, dimension, value)).ToList(),
                _ => (await grain.GetSegmentValuesAsync(split)).Select(v => (handler, (string?)split, (string?)v)).ToList(),
            };
            var series = new List<MetricSeries>();
            foreach (var (h, d, v) in groups)
            {
                series.Add((await grain.GetSeriesAsync(definition.Key, granularity, from, until, h, d, v)).ValueOf(id));
            }
            // Split series that no event falls in ("(other)" before the bound is reached) are left out.
            return (IReadOnlyList<MetricSeries>)series.Where(one => split is null || one.Points.Count > 0).ToList();
        });

    /// <summary>AI against human.</summary>
    public static Task<Results<JsonHttpResult<HandlerComparison>, ProblemHttpResult>> GetComparisonAsync(
        string id, HttpRequest request, [AsParameters] ReportServices services) =>
        AnswerAsync(id, request, services, async query =>
        {
            var metric = query.Metric("metric", request.Query["metric"].ToString());
            var dimension = query.Dimension("stratifyBy", request.Query["stratifyBy"].ToString());
            var (from, until) = query.Range(Granularity.Week);
            return query.Errors.Count > 0 || metric is null ? null : (await services.Grain(id).CompareAsync(metric.Key, dimension, from, until)).ValueOf(id);
        });

    /// <summary>Escalation reasons over time.</summary>
    public static Task<Results<JsonHttpResult<LabelBreakdown>, ProblemHttpResult>> GetEscalationReasonsAsync(
        string id, HttpRequest request, [AsParameters] ReportServices services) =>
        BreakdownAsync(id, request, services, exceptions: false);

    /// <summary>Exception types over time.</summary>
    public static Task<Results<JsonHttpResult<LabelBreakdown>, ProblemHttpResult>> GetExceptionTypesAsync(
        string id, HttpRequest request, [AsParameters] ReportServices services) =>
        BreakdownAsync(id, request, services, exceptions: true);

    /// <summary>ROI by period.</summary>
    public static Task<Results<JsonHttpResult<RoiReport>, ProblemHttpResult>> GetRoiAsync(
        string id, HttpRequest request, [AsParameters] ReportServices services) =>
        AnswerAsync(id, request, services, async query =>
        {
            var granularity = query.Granularity(Granularity.Month, Granularity.Week, Granularity.Month, Granularity.Quarter);
            var (from, until) = query.Range(granularity);
            var control = await ControlAsync(id, query, request.Query["control"].ToString(),
                RoiCalculator.Metrics.Select(MetricCatalog.Find).OfType<MetricDefinition>().ToList(), until, services);
            return query.Errors.Count > 0 ? null : (await services.Grain(id).GetRoiAsync(granularity, from, until, control)).ValueOf(id);
        });

    /// <summary>The AI's part of a metric's change.</summary>
    public static Task<Results<JsonHttpResult<MetricAttribution>, ProblemHttpResult>> GetAttributionAsync(
        string id, HttpRequest request, [AsParameters] ReportServices services) =>
        AnswerAsync(id, request, services, async query =>
        {
            var metric = query.Metric("metric", request.Query["metric"].ToString());
            var asOf = query.AsOf();
            var control = await ControlAsync(id, query, request.Query["control"].ToString(), metric is null ? [] : [metric], asOf.AddDays(1), services);
            return query.Errors.Count > 0 || metric is null ? null : (await services.Grain(id).GetAttributionAsync(metric.Key, asOf, control)).ValueOf(id);
        });

    /// <summary>
    /// The <c>control</c> parameter: <c>use-case:{id}</c> (another registered use case; its weekly series of
    /// <paramref name="metrics"/> up to <paramref name="until"/> are read from its grain) or
    /// <c>segment:{dimension}:{value}</c> (a segment of this use case); null when absent.
    /// </summary>
    private static async Task<AttributionControl?> ControlAsync(
        string id, ReportQuery query, string text, IReadOnlyList<MetricDefinition> metrics, DateOnly until, ReportServices services)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.StartsWith("segment:", StringComparison.Ordinal))
        {
            // "segment:" alone names no segment: refused like any other malformed one.
            var (dimension, value) = query.Segment("control", text.Length == "segment:".Length ? ":" : text["segment:".Length..]);
            return dimension is null ? null : AttributionControl.Segment(dimension, value!);
        }
        if (text.StartsWith("use-case:", StringComparison.Ordinal) && text["use-case:".Length..] is { Length: > 0 } other)
        {
            if (other == id)
            {
                query.Refuse("control", ValidationCodes.Inconsistent, "A use case cannot be its own control; name another use case or a segment the AI was not rolled out to.");
                return null;
            }
            // Every week the roll-up keeps: the analysis picks the weeks around this use case's go-live.
            var from = until.AddDays(-ReportQuery.MaxRangeDays);
            var weeks = new Dictionary<string, IReadOnlyList<MetricPoint>>(StringComparer.Ordinal);
            foreach (var metric in metrics)
            {
                var answer = await services.Grain(other).GetSeriesAsync(metric.Key, Granularity.Week,
                    from < ReportQuery.EarliestDate ? ReportQuery.EarliestDate : from, until, null, null, null);
                if (answer.IsUnknownUseCase || answer.Errors.Count > 0)
                {
                    query.Refuse("control", ValidationCodes.UnknownValue,
                        answer.IsUnknownUseCase ? $"No use case has the id '{other}'." : $"The use case '{other}' has no metric '{metric.Key}'.");
                    return null;
                }
                weeks[metric.Key] = answer.Value.Points;
            }
            return AttributionControl.UseCase(other, weeks);
        }
        query.Refuse("control", ValidationCodes.InvalidFormat, "control must be use-case:{id} or segment:{dimension}:{value}.");
        return null;
    }

    /// <summary>Health checks.</summary>
    public static Task<Results<JsonHttpResult<HealthReport>, ProblemHttpResult>> GetHealthAsync(
        string id, HttpRequest request, [AsParameters] ReportServices services) =>
        AnswerAsync(id, request, services, async query =>
        {
            var asOf = query.AsOf();
            return query.Errors.Count > 0 ? null : (await services.Grain(id).GetHealthAsync(asOf)).ValueOf(id);
        });

    private static Task<Results<JsonHttpResult<LabelBreakdown>, ProblemHttpResult>> BreakdownAsync(
        string id, HttpRequest request, ReportServices services, bool exceptions) =>
        AnswerAsync(id, request, services, async query =>
        {
            var granularity = query.Granularity(Granularity.Week);
            var (from, until) = query.Range(granularity);
            return query.Errors.Count > 0 ? null : (await services.Grain(id).GetBreakdownAsync(exceptions, granularity, from, until, query.AsOf())).ValueOf(id);
        });

    /// <summary><c>by=handler</c> or <c>by=segment:{dimension}</c>: the dimension, "handler", or null.</summary>
    private static string? SplitBy(ReportQuery query, string by)
    {
        if (string.IsNullOrEmpty(by))
        {
            return null;
        }
        if (by == "handler")
        {
            return by;
        }
        if (by.StartsWith("segment:", StringComparison.Ordinal))
        {
            return query.Dimension("by", by["segment:".Length..]);
        }
        query.Dimension("by", by);
        return null;
    }

    /// <summary>
    /// The shape every report handler shares: the use case's definition from its grain (404 when unknown), the query
    /// read against it (400 with every bad parameter), the grain's report, answered as JSON.
    /// </summary>
    private static async Task<Results<JsonHttpResult<T>, ProblemHttpResult>> AnswerAsync<T>(
        string id, HttpRequest request, ReportServices services, Func<ReportQuery, Task<T?>> answer)
        where T : class
    {
        var query = new ReportQuery(request.Query, await services.DefinitionAsync(id), services.Today);
        var result = await answer(query);
        return query.Errors.Count > 0 || result is null
            ? ValidationFailure.ToProblem(query.Errors)
            : TypedResults.Json(result, WireJson.Answers);
    }

    /// <summary>What every report may answer besides its result: 400 for bad parameters, 404 for an unknown use case.</summary>
    private static RouteHandlerBuilder ProducesReportProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
}
