using AiRoi.Contracts;
using AiRoi.Domain.Annotations;
using AiRoi.Domain;
using AiRoi.Metrics.Reports;
using AiRoi.Metrics.UseCases;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Metrics.Annotations;

/// <summary>Annotations of a use case: what else changed and when. Written through the grain, whose health checks read them.</summary>
public static class AnnotationsApi
{
    /// <summary>The problem type of an annotation id the use case does not have.</summary>
    public static readonly ProblemType NotFound = new("annotations/not-found", StatusCodes.Status404NotFound, "The use case has no annotation with this id.");

    /// <summary>Maps <c>/api/v1/use-cases/{id}/annotations</c>.</summary>
    public static IEndpointRouteBuilder MapAnnotationsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/use-cases/{id}/annotations").WithTags("Annotations").RequireUseCaseScope();
        var writes = api.MapGroup("").RequireOrganizationKey();

        api.MapGet("", ListAsync)
            .WithName("ListAnnotations")
            .WithSummary("The use case's annotations by date.")
            .Produces<IReadOnlyList<Annotation>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        writes.MapPost("", CreateAsync)
            .WithName("CreateAnnotation")
            .WithSummary("Records something else that changed (new model, prompt, price, campaign, staffing, seasonality) on a date.")
            .Accepts<AnnotationRequest>("application/json")
            .Produces<Annotation>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        writes.MapDelete("/{annotationId:long}", DeleteAsync)
            .WithName("DeleteAnnotation")
            .WithSummary("Removes an annotation recorded by mistake.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    /// <summary>The annotations.</summary>
    public static async Task<Results<JsonHttpResult<IReadOnlyList<Annotation>>, ProblemHttpResult>> ListAsync(
        string id, [AsParameters] ReportServices services, CancellationToken cancellationToken)
    {
        return TypedResults.Json((await services.Grain(id).GetAnnotationsAsync()).ValueOf(id), WireJson.Answers);
    }

    /// <summary>A new annotation.</summary>
    public static async Task<Results<Created<Annotation>, ProblemHttpResult>> CreateAsync(
        string id, HttpRequest request, [AsParameters] ReportServices services, CancellationToken cancellationToken)
    {
        await services.DefinitionAsync(id);
        var body = await JsonRequestBody.ReadAsync<AnnotationRequest>(request, WireJson.Options, cancellationToken);
        var errors = body.Validate();
        if (errors.Count > 0)
        {
            return ValidationFailure.ToProblem(errors);
        }
        var draft = new Annotation(0, body.Date!.Value, body.Kind!.Value, body.Title!.Trim(), body.Note, ApiKeyFilters.Author(request.HttpContext), default);
        var stored = (await services.Grain(id).AddAnnotationAsync(draft)).ValueOf(id);
        return TypedResults.Created($"/api/v1/use-cases/{id}/annotations/{stored.Id}", stored);
    }

    /// <summary>Removes one annotation.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, long annotationId, [AsParameters] ReportServices services, CancellationToken cancellationToken)
    {
        return (await services.Grain(id).RemoveAnnotationAsync(annotationId)).ValueOf(id)
            ? TypedResults.NoContent()
            : NotFound.ToProblem($"Use case '{id}' has no annotation {annotationId}.", new Dictionary<string, object?> { ["field"] = "annotationId" });
    }
}
