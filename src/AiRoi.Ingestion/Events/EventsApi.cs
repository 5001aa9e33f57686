using AiRoi.Contracts.Api;
using AiRoi.Domain;
using AiRoi.Domain.Events;
using AiRoi.Ingestion.Rejections;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AiRoi.Ingestion.Events;

/// <summary>
/// <c>POST /api/v1/events</c>: outcome events in batches of 1 to 10,000. A batch with any invalid event is refused
/// whole and nothing is written (ADR-0009), as is a batch naming a use case that takes no events; a valid batch is
/// written per use case, each in one transaction, and the answer says per event whether it was accepted or a
/// duplicate.
/// </summary>
public static partial class EventsApi
{
    /// <summary>Maps the events API.</summary>
    public static IEndpointRouteBuilder MapEventsApiV1(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events", PostEventsAsync)
            .WithTags("Events")
            .WithName("PostEvents")
            .WithSummary("Records a batch of outcome events; refused whole if any event is invalid.")
            .WithMetadata(new RequestSizeLimitAttribute(EventBatchLimits.MaxBodyBytes))
            .Accepts<EventBatchRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<EventBatchResult>, ProblemHttpResult>> PostEventsAsync(
        HttpContext http, EventLogWriter writer, RejectionLog rejections, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // Every refusal is counted under the use cases its events name (those the key may write), for the data page.
        var holder = ApiKeyFilters.KeyHolder(http);
        async Task<ProblemHttpResult> RefuseAsync(Func<Rejection> rejection, ProblemHttpResult answer)
        {
            await rejections.RecordAsync(RejectionSource.Events, rejection, holder, cancellationToken);
            return answer;
        }

        if (!http.Request.HasJsonContentType())
        {
            return RequestProblems.UnsupportedMediaType.ToProblem("Send the batch as application/json: {\"events\": [...]}.");
        }

        System.Text.Json.JsonDocument? document;
        ValidationError? parseError;
        try
        {
            (document, parseError) = await EventBatchReader.ParseBodyAsync(http.Request.Body, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var tooLarge = $"A batch body may be at most {EventBatchLimits.MaxBodyBytes / (1024 * 1024)} MiB; send smaller batches.";
            return await RefuseAsync(() => Rejection.OfRequest(Rejection.Unattributed, new ValidationError("$", IngestionProblems.PayloadTooLarge.Slug, tooLarge), 0),
                IngestionProblems.PayloadTooLarge.ToProblem(tooLarge));
        }
        if (document is null)
        {
            return await RefuseAsync(() => Rejection.OfEventBatch(null, [parseError!]), ValidationFailure.ToProblem([parseError!], RequestProblems.MalformedJson));
        }

        using (document)
        {
            var batch = EventBatchReader.Read(document.RootElement, clock.GetUtcNow(), EventLimits.Default);
            if (!batch.IsValid)
            {
                return await RefuseAsync(() => Rejection.OfEventBatch(document.RootElement, batch.Errors, batch.FirstErrorCodes), Refused(batch.Errors, batch.ErrorCount));
            }

            var forbidden = batch.Events.Where(item => !holder.MayWrite(item.Event.UseCaseId))
                .Select(item => new ValidationError($"events[{item.Index}].useCaseId", "forbidden",
                    $"events[{item.Index}]: this API key may not write events for use case '{item.Event.UseCaseId}'."))
                .ToList();
            if (forbidden.Count > 0)
            {
                return await RefuseAsync(() => Rejection.OfEventBatch(document.RootElement, forbidden), ValidationFailure.ToProblem(forbidden, RequestProblems.UseCaseNotInKeyScope,
                    "Nothing was written. Use a key scoped to these use cases."));
            }

            try
            {
                var named = batch.Events.Select(item => ($"events[{item.Index}]", item));
                var useCaseId = batch.Events[0].Event.UseCaseId;
                IReadOnlyList<EventResult>? results = null;
                IReadOnlyList<ValidationError> closed;
                if (batch.Events.All(item => item.Event.UseCaseId == useCaseId))
                {
                    (results, var status) = await writer.WriteUseCaseAsync(useCaseId, batch.Events);
                    closed = results is null ? [.. EventLogWriter.Refusals(named, status)] : [];
                }
                else
                {
                    closed = await writer.FindClosedUseCasesAsync(named);
                }
                if (closed.Count > 0)
                {
                    return await RefuseAsync(() => Rejection.OfEventBatch(document.RootElement, closed), Refused(closed, closed.Count));
                }
                results ??= await writer.WriteAsync(batch.Events);
                var accepted = results.Count(result => result.Status == "accepted");
                return TypedResults.Ok(new EventBatchResult(accepted, results.Count - accepted, results));
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogWriteFailed(loggers.CreateLogger(typeof(EventsApi)), exception);
                return IngestionProblems.WriteUnavailable.ToProblem(
                    "The batch may be partly written. Send the same batch again: events already written come back as duplicates.");
            }
        }
    }

    private static ProblemHttpResult Refused(IReadOnlyList<ValidationError> errors, int errorCount) =>
        ValidationFailure.ToProblem(errors, RequestProblems.ValidationFailed,
            errorCount > errors.Count
                ? $"Nothing was written. {errorCount:N0} errors; the first {errors.Count:N0} are listed."
                : "Nothing was written. Fix the events listed in errors and send the batch again.",
            new Dictionary<string, object?> { ["errorCount"] = errorCount });

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing an event batch failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);
}
