using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.Experiments.Tests;

/// <summary>Unwraps a handler's typed result, failing with the problem detail when the answer is not the expected one.</summary>
internal static class Answer
{
    /// <summary>The oracle prints 5 decimals; rounding ours the same way is the published comparison.</summary>
    public const int Decimals = 5;

    public static T Ok<T>(Results<Ok<T>, ProblemHttpResult> result)
    {
        if (result.Result is ProblemHttpResult problem)
        {
            Assert.Fail($"Expected 200, got {problem.StatusCode} {problem.ProblemDetails.Type}: {problem.ProblemDetails.Detail}");
        }

        return Assert.IsType<Ok<T>>(result.Result).Value!;
    }

    /// <summary>Asserts a problem answer of type <c>https://airoi.dev/problems/analysis/{slug}</c> naming <paramref name="field"/>.</summary>
    public static ProblemHttpResult Problem<T>(Results<Ok<T>, ProblemHttpResult> result, string slug, string field, int status = 400) =>
        ProblemOfType(result, $"https://airoi.dev/problems/analysis/{slug}", field, status);

    /// <summary>
    /// Asserts a problem answer of a type shared by every API (a body that does not bind),
    /// <c>https://airoi.dev/problems/{slug}</c>, naming <paramref name="field"/>.
    /// </summary>
    public static ProblemHttpResult RequestProblem<T>(Results<Ok<T>, ProblemHttpResult> result, string slug, string field, int status = 400) =>
        ProblemOfType(result, $"https://airoi.dev/problems/{slug}", field, status);

    private static ProblemHttpResult ProblemOfType<T>(Results<Ok<T>, ProblemHttpResult> result, string type, string field, int status)
    {
        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        var details = problem.ProblemDetails;
        Assert.Equal(type, details.Type);
        Assert.Equal(status, problem.StatusCode);
        Assert.Equal(status, details.Status);
        Assert.Equal(field, details.Extensions["field"]);
        var errors = Assert.IsType<Dictionary<string, string[]>>(details.Extensions["errors"]);
        Assert.Equal([field], errors.Keys);
        Assert.False(string.IsNullOrWhiteSpace(details.Title));
        Assert.False(string.IsNullOrWhiteSpace(details.Detail));
        return problem;
    }

    public static void Close(double expected, double? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected, actual.Value, Decimals);
    }
}
