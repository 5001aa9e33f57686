using AiRoi.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Experiments.Analysis;

/// <summary>
/// A request the analysis API refuses, with what the client needs to fix it: the problem type and the failing
/// field as a path into the request body (e.g. <c>variants[1].conversions</c>, or <c>$</c> for the body itself).
/// </summary>
internal sealed class AnalysisInputException(AnalysisProblemType problem, string field, string detail) : Exception(detail)
{
    public AnalysisProblemType Problem { get; } = problem;

    public string Field { get; } = field;

    /// <summary>The engine's refusal, with its field renamed to the request body's path.</summary>
    public static AnalysisInputException From(StatisticsInputException exception) =>
        new(AnalysisProblems.For(exception.Reason), AnalysisMapper.RequestField(exception.Field), exception.Message);

    /// <summary>RFC 9457 problem details; the field appears both as <c>field</c> and as the key of <c>errors</c>.</summary>
    public ProblemHttpResult ToProblem() => TypedResults.Problem(
        detail: Message,
        statusCode: Problem.Status,
        title: Problem.Title,
        type: Problem.Type,
        extensions: new Dictionary<string, object?>
        {
            ["field"] = Field,
            ["errors"] = new Dictionary<string, string[]> { [Field] = [Message] },
        });
}
