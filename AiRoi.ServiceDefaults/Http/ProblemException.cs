using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.ServiceDefaults.Http;

/// <summary>
/// A request an API refuses, with what the client needs to fix it: the problem type and the failing field as a
/// path into the request (e.g. <c>variants[1].conversions</c>, or <c>$</c> for the body itself). Handlers catch it
/// and answer <see cref="ToProblem"/>.
/// </summary>
/// <param name="problem">The problem type, which fixes the status.</param>
/// <param name="field">The failing field's path; <c>$</c> for the whole body.</param>
/// <param name="detail">What is wrong with it, naming the limit or the allowed values.</param>
public class ProblemException(ProblemType problem, string field, string detail) : Exception(detail)
{
    /// <summary>The problem type.</summary>
    public ProblemType Problem { get; } = problem;

    /// <summary>The failing field's path.</summary>
    public string Field { get; } = field;

    /// <summary>RFC 9457 problem details; the field appears both as <c>field</c> and as the key of <c>errors</c>.</summary>
    public virtual ProblemHttpResult ToProblem() => TypedResults.Problem(
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
