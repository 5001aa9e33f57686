using AiRoi.Experiments.Analysis;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Experiments.Tests;

/// <summary>
/// The analysis handlers as a client meets them: a refusal they throw is answered as the service's exception
/// handler answers it (<see cref="ProblemExceptionHandler"/>: <see cref="ProblemException.ToProblem"/>).
/// </summary>
internal static class Handled
{
    public static Results<Ok<MetricAnalysisResponse>, ProblemHttpResult> AnalyzeMetric(MetricAnalysisRequest request) =>
        Answering(() => AnalysisApi.AnalyzeMetric(request));

    public static Results<Ok<PValueAdjustmentResponse>, ProblemHttpResult> AdjustPValues(PValueAdjustmentRequest request) =>
        Answering(() => AnalysisApi.AdjustPValues(request));

    public static async Task<Results<Ok<T>, ProblemHttpResult>> AnsweringAsync<T>(Func<Task<Ok<T>>> handler)
    {
        try
        {
            return await handler();
        }
        catch (ProblemException problem)
        {
            return problem.ToProblem();
        }
    }

    private static Results<Ok<T>, ProblemHttpResult> Answering<T>(Func<Ok<T>> handler)
    {
        try
        {
            return handler();
        }
        catch (ProblemException problem)
        {
            return problem.ToProblem();
        }
    }
}
