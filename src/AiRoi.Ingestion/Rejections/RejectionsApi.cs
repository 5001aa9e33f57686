using AiRoi.Contracts.Api;
using AiRoi.Domain;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AiRoi.Ingestion.Rejections;

/// <summary><c>GET /api/v1/rejections</c>: what the ingestion service refused and why, for the data page.</summary>
public static class RejectionsApi
{
    /// <summary>Longest period answered.</summary>
    public const int MaxDays = 366;

    /// <summary>Maps the rejections route.</summary>
    public static IEndpointRouteBuilder MapRejectionsApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/rejections", ReadAsync)
            .WithTags("Events")
            .WithName("GetRejections")
            .WithSummary("Refused events of the last days per use case and reason (error code, source, an example message). A scoped key sees its own use cases.")
            .Produces<RejectionsReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<Results<Ok<RejectionsReport>, ProblemHttpResult>> ReadAsync(
        HttpContext http, [FromQuery] int? days, RejectionLog log, TimeProvider clock, CancellationToken cancellationToken)
    {
        var period = days ?? 30;
        if (period is < 1 or > MaxDays)
        {
            return ValidationFailure.ToProblem([new ValidationError("days", ValidationCodes.OutOfRange, $"days is 1 to {MaxDays}: the period, in UTC days up to today.")]);
        }
        var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1 - period);
        var useCases = await log.ReadAsync(since, ApiKeyFilters.KeyHolder(http).UseCaseIds, cancellationToken);
        return TypedResults.Ok(new RejectionsReport(period, since, useCases.Sum(useCase => useCase.Events), useCases));
    }
}
