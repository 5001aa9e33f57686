using AiRoi.Contracts.Api;
using AiRoi.Experiments.Lifecycle;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Experiments.Results;

/// <summary>
/// <c>GET /api/v1/experiments/{id}/results</c>: per metric and variant from the statistics engine, with the
/// sample-ratio check, guardrails and the experiment's multiple-testing correction. Read from the per-variant
/// sufficient statistics the consumer maintains, so its cost does not grow with the number of exposures.
/// </summary>
public static class ResultsApi
{
    /// <summary>Maps the results route.</summary>
    public static IEndpointRouteBuilder MapResultsApiV1(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/experiments/{id}/results", GetAsync)
            .WithTags("Experiments")
            .WithName("GetExperimentResults")
            .WithSummary("Results as of now: exposures and the sample-ratio check, and per metric each variant's mean and each treatment's relative lift with its interval and p-value (adjusted by Holm or Benjamini–Hochberg across primary and secondary metrics) or chance to win; guardrail verdicts, days left, and why it is ready for a decision.")
            .Produces<ExperimentResults>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The results.</summary>
    public static async Task<Results<Ok<ExperimentResults>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, ExperimentStore experiments, ResultsStore results, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await experiments.FindAsync(id, cancellationToken) is not { } experiment)
        {
            return ExperimentsApi.NotFound(id).ToProblem();
        }
        if (ExperimentsApi.OutOfScope(http, experiment) is { } refusal)
        {
            return refusal;
        }
        var data = await results.ReadAsync(id, cancellationToken);
        return TypedResults.Ok(ResultsCalculator.Compute(experiment, data, time.GetUtcNow()));
    }
}
