using Microsoft.AspNetCore.Http.Features;
using AiRoi.Contracts;
using AiRoi.Domain;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AiRoi.Experiments.DeadLetters;

/// <summary>
/// <c>/api/v1/dead-letters</c>: the experiment events the consumer gave up on after its retries (the database
/// away too long, a message it cannot read), with the reason, and their replay once the cause is fixed. Admin keys only.
/// </summary>
public static class DeadLettersApi
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapDeadLettersApiV1(this IEndpointRouteBuilder app)
    {
        // The error queue holds every use case's messages.
        var api = app.MapGroup("/api/v1/dead-letters").WithTags("Dead letters").RequireAdminKey()
            .RequireOrganizationKey("reading and replaying dead letters");
        api.MapGet("", ListAsync)
            .WithName("ListDeadLetters")
            .WithSummary("The error queue of the experiment-events consumer: how many messages, and the first `limit` (default 100) with the use case, the event count and why they failed. Nothing is consumed.")
            .Produces<DeadLetterList>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/replay", ReplayAsync)
            .WithName("ReplayDeadLetters")
            .WithSummary("Moves messages from the error queue back to the consumer: those named by `messageIds`, or all. Safe to repeat: the consumer keeps each event once.")
            .Accepts<ReplayRequest>("application/json")
            .Produces<ReplayResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    /// <summary>Lists the error queue.</summary>
    public static async Task<Results<Ok<DeadLetterList>, ProblemHttpResult>> ListAsync(
        [FromQuery] int? limit, DeadLetterQueue queue, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > DeadLetterQueue.MaxMessages)
        {
            return ValidationFailure.ToProblem([new ValidationError("limit", ValidationCodes.OutOfRange, $"limit must be between 1 and {DeadLetterQueue.MaxMessages}.")]);
        }
        return TypedResults.Ok(await queue.ListAsync(limit ?? 100, cancellationToken));
    }

    /// <summary>Replays messages.</summary>
    public static async Task<Results<Ok<ReplayResult>, ProblemHttpResult>> ReplayAsync(
        HttpRequest request, DeadLetterQueue queue, CancellationToken cancellationToken)
    {
        // No body at all replays everything; a body is read as JSON (and refused in any other type), so a request
        // whose body was meant to name messages never replays the whole queue.
        var hasBody = request.ContentLength is > 0
            || (request.ContentLength is null && request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true);
        var body = hasBody
            ? await JsonRequestBody.ReadAsync<ReplayRequest>(request, WireJson.Options, cancellationToken)
            : new ReplayRequest();
        if (body.MessageIds is { Count: > DeadLetterQueue.MaxMessages })
        {
            return ValidationFailure.ToProblem([new ValidationError("messageIds", ValidationCodes.TooMany, $"messageIds may name at most {DeadLetterQueue.MaxMessages} messages.")]);
        }
        var wanted = body.MessageIds?.ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(await queue.ReplayAsync(wanted, cancellationToken));
    }
}
