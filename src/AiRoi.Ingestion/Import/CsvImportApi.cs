using AiRoi.Contracts.Api;
using AiRoi.Domain;
using AiRoi.Domain.Events;
using AiRoi.ServiceDefaults.Http;
using AiRoi.Ingestion.Events;
using AiRoi.Ingestion.Rejections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AiRoi.Ingestion.Import;

/// <summary>
/// <c>POST /api/v1/use-cases/{id}/events/import</c>: historical (for example pre-AI) outcome events as CSV, a header
/// row naming the fields. A file with any bad row is refused whole and the answer lists each error with its line
/// number; a valid file is written in batches of 10,000, and events already in the log count as duplicates.
/// </summary>
public static partial class CsvImportApi
{
    /// <summary>Rows per file: a year of a busy use case's daily volume; larger histories are split by the client.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Body size: 100,000 rows of typical width (~300 bytes) with room to spare.</summary>
    public const long MaxBodyBytes = 64 * 1024 * 1024;

    /// <summary>Maps the import endpoint.</summary>
    public static IEndpointRouteBuilder MapCsvImportApiV1(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/use-cases/{useCaseId}/events/import", ImportAsync)
            .WithTags("Events")
            .WithName("ImportEventsCsv")
            .WithSummary("Imports historical outcome events from CSV; refused whole with line numbers if any row is bad.")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .Accepts<string>("text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<EventBatchResult>, ProblemHttpResult>> ImportAsync(
        string useCaseId, HttpContext http, EventLogWriter writer, RejectionLog rejections, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // Every refusal is counted under the use case (when the key may write it), for the data page.
        var holder = ApiKeyFilters.KeyHolder(http);
        async Task<ProblemHttpResult> RefuseAsync(Func<Rejection> rejection, ProblemHttpResult answer)
        {
            await rejections.RecordAsync(RejectionSource.Csv, rejection, holder, cancellationToken);
            return answer;
        }

        if (!holder.MayWrite(useCaseId))
        {
            var outOfScope = $"This API key may not write events for use case '{useCaseId}'.";
            return await RefuseAsync(() => Rejection.OfRequest(useCaseId, new ValidationError("useCaseId", "forbidden", outOfScope), 0),
                RequestProblems.UseCaseNotInKeyScope.ToProblem(outOfScope));
        }

        // The reader is synchronous; the body is buffered (bounded by the size limit) rather than read with blocking I/O.
        using var body = new MemoryStream();
        try
        {
            await http.Request.Body.CopyToAsync(body, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var tooLarge = $"An import may be at most {MaxBodyBytes / (1024 * 1024)} MiB; split the file.";
            return await RefuseAsync(() => Rejection.OfRequest(useCaseId, new ValidationError("$", IngestionProblems.PayloadTooLarge.Slug, tooLarge), 0),
                IngestionProblems.PayloadTooLarge.ToProblem(tooLarge));
        }
        body.Position = 0;

        var read = OutcomeEventCsvReader.Read(body, clock.GetUtcNow(), EventLimits.Default, MaxRows, useCaseId);
        if (!read.IsValid)
        {
            var lines = read.Errors.Select(error => new ValidationError(
                error.Field.Length == 0 ? $"line {error.Line}" : $"line {error.Line}.{error.Field}", error.Code, error.Message)).ToList();
            return await RefuseAsync(() => Rejection.OfCsvImport(useCaseId, read), ValidationFailure.ToProblem(lines, IngestionProblems.CsvRejected,
                "Nothing was imported. Fix the lines listed and send the file again.",
                new Dictionary<string, object?>
                {
                    ["lines"] = read.Errors.Select(error => new { line = error.Line, field = error.Field, code = error.Code, message = error.Message }).ToList(),
                }));
        }

        var events = read.Events.Select(imported => new BatchEvent(imported.Line, imported.Event)).ToList();
        try
        {
            var status = await writer.StatusOfAsync(useCaseId);
            if (status != AiRoi.Contracts.UseCases.UseCaseWriteStatus.Open)
            {
                var refusal = EventLogWriter.Refusal("useCaseId", "Use case", useCaseId, status);
                return await RefuseAsync(() => Rejection.OfRequest(useCaseId, refusal, events.Count), ValidationFailure.ToProblem([refusal], IngestionProblems.CsvRejected));
            }
            var results = await writer.WriteAsync(events);
            var accepted = results.Count(result => result.Status == "accepted");
            return TypedResults.Ok(new EventBatchResult(accepted, results.Count - accepted, results));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogImportFailed(loggers.CreateLogger(typeof(CsvImportApi)), useCaseId, exception);
            return IngestionProblems.WriteUnavailable.ToProblem(
                "The file may be partly imported. Send the same file again: rows already imported come back as duplicates.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Importing CSV for {UseCaseId} failed")]
    private static partial void LogImportFailed(ILogger logger, string useCaseId, Exception exception);
}
