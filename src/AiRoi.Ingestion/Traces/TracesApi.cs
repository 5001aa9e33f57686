using AiRoi.Contracts.AiCost;
using AiRoi.Contracts.UseCases;
using AiRoi.Ingestion.Traces.Otlp;
using AiRoi.ServiceDefaults.Http;
using Google.Protobuf;
using Microsoft.AspNetCore.Mvc;

namespace AiRoi.Ingestion.Traces;

/// <summary>
/// <c>POST /v1/traces</c>: the OTLP/HTTP trace receiver. Applications point their OpenTelemetry exporter here (with
/// an API key in a header); the model calls among the spans are recorded for pricing and joined to their outcome
/// events, other spans are ignored. The answer follows the OTLP specification: 200 with a partial success naming
/// how many spans were refused and why, in the request's encoding; a body that cannot be read is refused whole.
/// </summary>
public static partial class TracesApi
{
    /// <summary>Maps the receiver.</summary>
    public static IEndpointRouteBuilder MapTracesApiV1(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/traces", ReceiveAsync)
            .WithTags("Traces")
            .WithName("PostTraces")
            .WithSummary("Receives an OTLP/HTTP trace export (protobuf or JSON, gzip allowed) and records its model calls for AI cost.")
            .WithMetadata(new RequestSizeLimitAttribute(OtlpBody.MaxBytes))
            .Accepts<byte[]>("application/x-protobuf", "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, IClusterClient cluster, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var encoding = OtlpBody.EncodingOf(http.Request.ContentType);
        if (encoding is null)
        {
            return RequestProblems.UnsupportedMediaType.ToProblem("Send the export as application/x-protobuf or application/json, as OTLP/HTTP exporters do.");
        }
        var contentEncoding = http.Request.Headers.ContentEncoding.ToString().Trim().ToLowerInvariant();
        if (contentEncoding is not ("" or "identity" or "gzip"))
        {
            return RequestProblems.UnsupportedMediaType.ToProblem($"Content-Encoding '{contentEncoding}' is not taken; send gzip or no encoding.");
        }

        byte[]? bytes;
        try
        {
            bytes = await OtlpBody.ReadAsync(http.Request.Body, contentEncoding == "gzip", cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            bytes = null;
        }
        catch (InvalidDataException)
        {
            return Refuse(encoding.Value, RequestProblems.BadRequest, "The body is not valid gzip.");
        }
        if (bytes is null)
        {
            return Refuse(encoding.Value, RequestProblems.RequestTooLarge, $"An export may be at most {OtlpBody.MaxBytes / (1024 * 1024)} MiB, compressed or not; export smaller batches.");
        }

        ExportTraceServiceRequest request;
        try
        {
            request = OtlpBody.Parse(bytes, encoding.Value);
        }
        catch (FormatException exception)
        {
            return Refuse(encoding.Value, RequestProblems.BadRequest, $"The body is not an OTLP trace export: {exception.Message}");
        }

        var export = TraceExport.Read(request);
        var holder = ApiKeyFilters.KeyHolder(http);
        var named = export.UseCaseIds();
        if (named.Count > 0)
        {
            // The registry is asked in chunks it takes; an export may name many use cases.
            var registered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in named.Chunk(IRegisteredUseCasesGrain.MaxIds))
            {
                registered.UnionWith(await cluster.GetGrain<IRegisteredUseCasesGrain>(0).AmongAsync(chunk));
            }
            export.RefuseUseCases(useCase =>
                !holder.MayWrite(useCase) ? $"this API key may not write for use case '{useCase}'."
                : !registered.Contains(useCase) ? $"use case '{useCase}' is not registered."
                : null);
        }
        if (export.Calls.Count > 0 || export.Links.Count > 0)
        {
            try
            {
                await cluster.GetGrain<IAiCostIntakeGrain>(0).RecordAsync(export.Calls, export.Links);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogRecordFailed(loggers.CreateLogger(typeof(TracesApi)), exception);
                return Refuse(encoding.Value, IngestionProblems.WriteUnavailable, "The spans were not recorded; export them again (a resent span counts once).");
            }
        }

        var answer = new ExportTraceServiceResponse();
        if (export.Rejected > 0)
        {
            answer.PartialSuccess = new ExportTracePartialSuccess
            {
                RejectedSpans = export.Rejected,
                ErrorMessage = $"{export.Rejected:N0} of {export.Spans:N0} spans refused. " + string.Join(" ", export.Messages),
            };
        }
        return encoding == OtlpEncoding.Protobuf
            ? Results.Bytes(answer.ToByteArray(), "application/x-protobuf")
            : Results.Text(JsonFormatter.Default.Format(answer), "application/json");
    }

    /// <summary>
    /// A refusal of the whole export: for a protobuf request the OTLP error body (a <c>google.rpc.Status</c>), for
    /// JSON the problem details every API answers with.
    /// </summary>
    private static IResult Refuse(OtlpEncoding encoding, ProblemType problem, string detail) =>
        encoding == OtlpEncoding.Protobuf
            ? new ProtobufResult(new Otlp.Status { Code = problem.Status == StatusCodes.Status503ServiceUnavailable ? 14 : 3, Message = detail }, problem.Status)
            : problem.ToProblem(detail);

    /// <summary>A protobuf message as the body, with a status code.</summary>
    private sealed class ProtobufResult(IMessage message, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/x-protobuf";
            return httpContext.Response.Body.WriteAsync(message.ToByteArray()).AsTask();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording the model calls of a trace export failed")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception);
}
