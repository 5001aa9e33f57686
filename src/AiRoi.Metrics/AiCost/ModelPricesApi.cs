using AiRoi.Contracts.Api;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain;
using AiRoi.Domain.AiCost;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Metrics.AiCost;

/// <summary>
/// The price book (<c>/api/v1/model-prices</c>): list every entry, add one of the organization's own, and price the
/// traced calls again with the prices in force now, which is always an explicit action showing before and after
/// (ADR-0035).
/// </summary>
public static class ModelPricesApi
{
    /// <summary>Maps the price-book API.</summary>
    public static IEndpointRouteBuilder MapModelPricesApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/model-prices").WithTags("AI cost");

        api.MapGet("", ListAsync)
            .WithName("ListModelPrices")
            .WithSummary("Every price-book entry, built-in list prices and the organization's own, newest first.")
            .Produces<IReadOnlyList<ModelPrice>>();

        api.MapPost("", AddAsync)
            .RequireOrganizationKey("setting prices")
            .WithName("AddModelPrice")
            .WithSummary("Adds a price of the organization's own; calls are priced by the entry in force at their start. History is not rewritten.")
            .Accepts<ModelPriceRequest>("application/json")
            .Produces<ModelPrice>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapPost("/recompute", RecomputeAsync)
            .RequireOrganizationKey("repricing AI cost")
            .WithName("RecomputeAiCost")
            .WithSummary("Prices every traced call again with the prices in force now: apply=false shows before and after, apply=true records the changes.")
            .Accepts<RepricingRequest>("application/json")
            .Produces<RepricingResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return app;
    }

    private static async Task<Ok<IReadOnlyList<ModelPrice>>> ListAsync(PriceBookStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ModelPrice>>([.. (await store.ReadAsync(cancellationToken)).Prices.OrderByDescending(price => price.Id)]);

    private static async Task<Results<Created<ModelPrice>, ProblemHttpResult>> AddAsync(HttpRequest request, PriceBookStore store, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<ModelPriceRequest>(request, WireJson.Options, cancellationToken);
        if (body.Validate() is { Count: > 0 } errors)
        {
            return ValidationFailure.ToProblem(errors);
        }
        var added = await store.AddAsync(body.ToPrice(), ApiKeyFilters.Author(request.HttpContext), cancellationToken);
        return TypedResults.Created($"/api/v1/model-prices/{added.Id}", added);
    }

    private static async Task<Ok<RepricingResult>> RecomputeAsync(HttpRequest request, AiCostLedger ledger, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<RepricingRequest>(request, WireJson.Options, cancellationToken);
        var author = ApiKeyFilters.Author(request.HttpContext);
        var useCases = await ledger.UseCasesWithCostAsync(cancellationToken);
        var results = await Task.WhenAll(useCases.Select(useCase => grains.GetGrain<IUseCaseGrain>(useCase).RepriceAiCostAsync(body.Apply, author)));
        return TypedResults.Ok(new RepricingResult(body.Apply, results));
    }
}
