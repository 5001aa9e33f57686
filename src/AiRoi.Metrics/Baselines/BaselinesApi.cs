using AiRoi.Contracts.Api;
using AiRoi.Contracts;
using AiRoi.Domain.Baselines;
using AiRoi.Domain;
using AiRoi.Metrics.Reports;
using AiRoi.Metrics.UseCases;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Metrics.Baselines;

/// <summary>
/// Baselines of a use case's metrics: measured before go-live, measured from concurrent human work, or entered by
/// hand with a source. Each new value is a new version, with who set it and when; old versions stay readable.
/// </summary>
public static class BaselinesApi
{
    /// <summary>Maps <c>/api/v1/use-cases/{id}/baselines</c>.</summary>
    public static IEndpointRouteBuilder MapBaselinesApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/use-cases/{id}/baselines").WithTags("Baselines").RequireUseCaseScope();

        api.MapGet("", ListAsync)
            .WithName("ListBaselines")
            .WithSummary("The current baseline of each metric and every earlier version, newest first.")
            .Produces<BaselineHistory>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{metric}", ListMetricAsync)
            .WithName("ListMetricBaselines")
            .WithSummary("Every version of one metric's baseline, newest first.")
            .Produces<BaselineHistory>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("", CreateAsync)
            .RequireOrganizationKey()
            .WithName("CreateBaseline")
            .WithSummary("Sets a new baseline version: method before-go-live or concurrent-human measures it from the events (over periodStart–periodEnd), manual takes value and source.")
            .Accepts<BaselineRequest>("application/json")
            .Produces<BaselineVersion>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return app;
    }

    /// <summary>All baselines.</summary>
    public static async Task<Results<JsonHttpResult<BaselineHistory>, ProblemHttpResult>> ListAsync(
        string id, [AsParameters] ReportServices services, BaselineStore store, CancellationToken cancellationToken) =>
        await HistoryAsync(id, null, services, store, cancellationToken);

    /// <summary>One metric's baselines.</summary>
    public static async Task<Results<JsonHttpResult<BaselineHistory>, ProblemHttpResult>> ListMetricAsync(
        string id, string metric, [AsParameters] ReportServices services, BaselineStore store, CancellationToken cancellationToken) =>
        await HistoryAsync(id, metric, services, store, cancellationToken);

    /// <summary>A new baseline version.</summary>
    public static async Task<Results<Created<BaselineVersion>, ProblemHttpResult>> CreateAsync(
        string id, HttpRequest request, [AsParameters] ReportServices services, CancellationToken cancellationToken)
    {
        await services.DefinitionAsync(id);
        var body = await JsonRequestBody.ReadAsync<BaselineRequest>(request, WireJson.Options, cancellationToken);
        var version = (await services.Grain(id).SetBaselineAsync(body, ApiKeyFilters.Author(request.HttpContext), services.Today)).ValueOf(id);
        return TypedResults.Created($"/api/v1/use-cases/{id}/baselines/{version.MetricKey}", version);
    }

    private static async Task<Results<JsonHttpResult<BaselineHistory>, ProblemHttpResult>> HistoryAsync(
        string id, string? metric, ReportServices services, BaselineStore store, CancellationToken cancellationToken)
    {
        await services.DefinitionAsync(id);
        var versions = await store.ReadHistoryAsync(id, metric, cancellationToken);
        var current = versions.GroupBy(version => version.MetricKey).Select(group => group.First()).ToList();
        return TypedResults.Json(new BaselineHistory(current, versions), WireJson.Answers);
    }
}
