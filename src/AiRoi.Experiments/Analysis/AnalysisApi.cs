using AiRoi.ServiceDefaults.Http;
using AiRoi.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace AiRoi.Experiments.Analysis;

/// <summary>
/// The analysis API: compares the variants of an experiment on one metric, and adjusts p-values tested together.
/// Stateless: the client sends sufficient statistics and gets the statistics engine's answer. Every refusal is an
/// RFC 9457 problem detail with a stable <c>type</c> (<see cref="AnalysisProblems"/>, and the shared
/// <see cref="RequestProblems"/> for bodies that do not bind) and the failing <c>field</c>.
/// </summary>
public static class AnalysisApi
{
    /// <summary>
    /// Calls one address may make without an API key in each window (settings <c>Analysis:CallsWithoutKey</c>, and
    /// <c>Analysis:CallsWithoutKeyWindowSeconds</c>, 60 by default).
    /// </summary>
    public const int DefaultCallsWithoutKey = 120;

    /// <summary>Maps <c>POST /api/v1/analysis</c> and <c>POST /api/v1/analysis/adjust</c>.</summary>
    public static IEndpointRouteBuilder MapAnalysisApiV1(this IEndpointRouteBuilder app)
    {
        // The OpenAPI document takes each summary from the handler's XML summary, so the two read the same.
        // Pure computation on the posted summaries: open to anyone, but without a key limited per address.
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        var api = app.MapGroup("/api/v1/analysis").WithTags("Analysis").LimitCallsWithoutKey(
            configuration.GetValue("Analysis:CallsWithoutKey", DefaultCallsWithoutKey),
            TimeSpan.FromSeconds(configuration.GetValue("Analysis:CallsWithoutKeyWindowSeconds", 60)));

        // The handlers read the body themselves so that JSON that does not bind is a problem detail naming the JSON
        // path, not a bare 400; Accepts declares the body for the OpenAPI document (and routing answers another
        // content type with 415, which UseStatusCodePages turns into a problem detail).
        api.MapPost("", AnalyzeMetricAsync)
            .WithName("AnalyzeMetric")
            .WithSummary("Compares every treatment of one metric with control and checks the traffic split.")
            .Accepts<MetricAnalysisRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapPost("/adjust", AdjustPValuesAsync)
            .WithName("AdjustPValues")
            .WithSummary("Adjusts p-values tested together (Holm or Benjamini–Hochberg); answers in input order.")
            .Accepts<PValueAdjustmentRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return app;
    }

    /// <summary>Compares every treatment of one metric with control and checks the traffic split.</summary>
    public static async Task<Ok<MetricAnalysisResponse>> AnalyzeMetricAsync(
        HttpRequest request, [FromServices] IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<MetricAnalysisRequest>(request, json.Value.SerializerOptions, cancellationToken);
        return AnalyzeMetric(body);
    }

    /// <summary>
    /// Analyses one metric: every treatment against control by the chosen method, and the sample-ratio check. A
    /// request the engine refuses is thrown as the analysis problem that names the input.
    /// </summary>
    public static Ok<MetricAnalysisResponse> AnalyzeMetric(MetricAnalysisRequest request)
    {
        try
        {
            var result = ExperimentAnalyzer.Analyze(AnalysisMapper.ToEngine(request));
            return TypedResults.Ok(AnalysisMapper.ToResponse(result, request.Variants!));
        }
        catch (StatisticsInputException refusal)
        {
            throw AnalysisProblems.Refusal(refusal);
        }
    }

    /// <summary>Adjusts p-values tested together (Holm or Benjamini–Hochberg); answers in input order.</summary>
    public static async Task<Ok<PValueAdjustmentResponse>> AdjustPValuesAsync(
        HttpRequest request, [FromServices] IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<PValueAdjustmentRequest>(request, json.Value.SerializerOptions, cancellationToken);
        return AdjustPValues(body);
    }

    /// <summary>Adjusts p-values for multiple testing, in input order.</summary>
    public static Ok<PValueAdjustmentResponse> AdjustPValues(PValueAdjustmentRequest request)
    {
        try
        {
            var (method, pValues) = AnalysisMapper.ToEngine(request);
            var adjusted = method switch
            {
                PValueAdjustmentMethod.Holm => MultipleTesting.Holm(pValues),
                PValueAdjustmentMethod.BenjaminiHochberg => MultipleTesting.BenjaminiHochberg(pValues),
                _ => throw new ProblemException(RequestProblems.UnknownValue, "method", $"Unknown adjustment method {method}."),
            };
            return TypedResults.Ok(AnalysisMapper.ToResponse(adjusted));
        }
        catch (StatisticsInputException refusal)
        {
            throw AnalysisProblems.Refusal(refusal);
        }
    }
}
