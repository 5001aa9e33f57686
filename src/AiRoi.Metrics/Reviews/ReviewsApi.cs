using AiRoi.Contracts;
using AiRoi.Domain.Reviews;
using AiRoi.Domain;
using AiRoi.Metrics.Reports;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Metrics.Reviews;

/// <summary>The review log of a use case: who looked at its value, when, and whether to keep, adjust or retire it.</summary>
public static class ReviewsApi
{
    /// <summary>Maps <c>/api/v1/use-cases/{id}/reviews</c>.</summary>
    public static IEndpointRouteBuilder MapReviewsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/use-cases/{id}/reviews").WithTags("Reviews").RequireUseCaseScope();

        api.MapGet("", ListAsync)
            .WithName("ListReviews")
            .WithSummary("The review log, newest first.")
            .Produces<IReadOnlyList<Review>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("", CreateAsync)
            .RequireOrganizationKey()
            .WithName("CreateReview")
            .WithSummary("Adds a review: reviewer, date, decision (keep, adjust, retire) and a note.")
            .Accepts<ReviewRequest>("application/json")
            .Produces<Review>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return app;
    }

    /// <summary>The review log.</summary>
    public static async Task<Results<JsonHttpResult<IReadOnlyList<Review>>, ProblemHttpResult>> ListAsync(
        string id, [AsParameters] ReportServices services, ReviewStore store, CancellationToken cancellationToken)
    {
        await services.DefinitionAsync(id);
        return TypedResults.Json(await store.ReadAsync(id, cancellationToken), WireJson.Answers);
    }

    /// <summary>A new review.</summary>
    public static async Task<Results<Created<Review>, ProblemHttpResult>> CreateAsync(
        string id, HttpRequest request, [AsParameters] ReportServices services, ReviewStore store, CancellationToken cancellationToken)
    {
        await services.DefinitionAsync(id);
        var body = await JsonRequestBody.ReadAsync<ReviewRequest>(request, WireJson.Options, cancellationToken);
        var errors = body.Validate();
        if (errors.Count > 0)
        {
            return ValidationFailure.ToProblem(errors);
        }
        var draft = new Review(0, body.Reviewer!.Trim(), body.Date!.Value, body.Decision!.Value, body.Note, default);
        var stored = await store.InsertAsync(id, draft, ApiKeyFilters.Author(request.HttpContext), cancellationToken);
        return TypedResults.Created($"/api/v1/use-cases/{id}/reviews/{stored.Id}", stored);
    }
}
